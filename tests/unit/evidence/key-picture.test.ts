/**
 * The page's key picture and `::icon-array` through the build's Markdown processor: the picture's
 * data is recorded in the page's metadata (for the at-a-glance box) and the directive draws it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/engine/check/check-project.ts';
import { readPageData } from '../../../src/markdown/page-data.ts';
import { renderMarkdown } from '../../support/render-markdown.ts';

const root = fileURLToPath(new URL('../../fixtures/evidence/grading-valid/', import.meta.url));
const evidence = checkProject({ root });
const page = readFileSync(`${root}content/page.mdx`, 'utf8');
const outcomes = (parse(page.split(/^---$/m)[1]!) as { outcomes: unknown[] }).outcomes;

function render(markdown: string) {
	return renderMarkdown(markdown, evidence, { frontmatter: { outcomes } });
}

describe('the key picture', () => {
	it('is recorded in the page metadata as plain data', () => {
		const { frontmatter } = render('Text [@smith2020exercise].\n');
		const picture = readPageData(frontmatter).keyPicture!;
		expect(picture.arms.map((a) => [a.label, a.per100, a.reported])).toEqual([
			['ketamine', 30, '6 of 20'],
			['placebo', 10, '2 of 20'],
		]);
		expect(picture.from).toEqual({ study: 'smith2020exercise', count: 'relief', field: 'result' });
	});

	it('is drawn by ::icon-array with a page caption and a citation of its study', () => {
		const { html } = render(
			'Text [@jones2019trial].\n\n::icon-array{outcome="1" caption="About 30 in 100 felt better."}\n',
		);
		expect(html).toContain('<figcaption id="icon-array-1-caption">About 30 in 100 felt better.');
		expect(html).toMatch(/<figcaption[^>]*>.*href="#ref-smith2020exercise"/s);
		// 30 and 10 people (a head and shoulders each: two subpaths) and one in the key.
		const people = [...html.matchAll(/<path d="([^"]*)" class="kpe-icon-yes"/g)].map(
			([, d]) => d!.match(/m/gi)!.length / 2,
		);
		expect(people).toEqual([30, 10, 1]);
	});
});
