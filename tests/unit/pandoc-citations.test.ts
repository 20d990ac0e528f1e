/**
 * Pandoc's citation syntax as Pandoc users expect it, in this numbered style: `[-@key]` is the
 * number alone, a bare `@key` names the authors before the number, and a prefix and a locator
 * (`[see @key, p. 4]`) are printed inside the brackets. Whatever is not one of these forms is an
 * error at its line (tests/unit/evidence/hostile-inputs.test.ts); e-mail addresses and `@` in code
 * stay text.
 */
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { renderMarkdown } from '../support/render-markdown.ts';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/check/check-project.ts';
import { findPageCitations, scanPage } from '../../src/engine/read/citations.ts';
import { fieldCitations } from '../../src/engine/read/field-citations.ts';

const root = fileURLToPath(new URL('../fixtures/evidence/valid/', import.meta.url));
const evidence = checkProject({ root });

/** The page's text as a reader sees it (tags, previews and the bibliography left out). */
function rendered(markdown: string): string {
	const { html } = renderMarkdown(markdown, evidence);
	const paragraph = parse(html).querySelector('p')!;
	for (const preview of paragraph.querySelectorAll('.kpe-cite-preview')) preview.remove();
	return paragraph.textContent.trim();
}

describe('Pandoc citation syntax in page text', () => {
	it('prints [-@key] as the number alone, like [@key]', () => {
		expect(rendered('Pain fell [-@smith2020exercise].\n')).toBe('Pain fell [1].');
	});

	it('prints a bare @key as the authors and the number', () => {
		expect(rendered('As @smith2020exercise showed, and @jones2019trial too.\n')).toBe(
			'As Häberle et al. [1] showed, and Jones and Brown [2] too.',
		);
	});

	it('prints a prefix and a locator inside the brackets', () => {
		expect(rendered('Pain fell [see @smith2020exercise, p. 4].\n')).toBe(
			'Pain fell [see 1, p. 4].',
		);
		expect(rendered('Pain fell [e.g. @smith2020exercise; @jones2019trial].\n')).toBe(
			'Pain fell [e.g. 1, 2].',
		);
	});

	it('leaves e-mail addresses and @ in code as text', () => {
		expect(rendered('Write to someone@example.org or use `@smith2020exercise`.\n')).toBe(
			'Write to someone@example.org or use @smith2020exercise.',
		);
		expect(findPageCitations('someone@example.org, a.b@c.org, x+y@z.org')).toEqual([]);
	});

	it('counts every form in the check, with the position of each key', () => {
		const scan = scanPage(
			'A [-@smith2020exercise]. B @jones2019trial. C [see @smith2020exercise, p. 4].\n',
			'md',
		);
		expect(
			scan.citations.map((c) => `${c.key}@${c.column}${c.narrative ? ' narrative' : ''}`),
		).toEqual(['smith2020exercise@5', 'jones2019trial@28 narrative', 'smith2020exercise@52']);
		expect(scan.unreadable).toEqual([]);
	});
});

describe('citations in claims and the glossary', () => {
	it('refuses a bare @key there (only page text names authors), instead of printing it', () => {
		const { citations, diagnostics } = fieldCitations(
			'Relief lasted weeks @smith2020exercise; mail someone@example.org.',
			'content/claims/01-x.yaml',
			{ line: 5, column: 14 },
		);
		expect(citations).toEqual([]);
		expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.code}: ${d.hint}`)).toEqual([
			'content/claims/01-x.yaml:5 unreadable-citation: Write it as `[@smith2020exercise]` (or put a literal @name in code).',
		]);
	});
});

describe('a bare @key with a locator', () => {
	it('prints `@key [p. 4]` as the authors and the number with the page, as Pandoc does', () => {
		expect(rendered('As @jones2019trial [p. 4] found.\n')).toBe(
			'As Jones and Brown [1, p. 4] found.',
		);
		expect(findPageCitations('@jones2019trial [p. 4] and a link @jones2019trial [x](/y/)')).toEqual(
			[
				{ keys: ['jones2019trial'], index: 0, length: 22, narrative: true, locator: 'p. 4' },
				{ keys: ['jones2019trial'], index: 34, length: 15, narrative: true },
			],
		);
	});
});
