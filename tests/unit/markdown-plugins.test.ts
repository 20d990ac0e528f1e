/**
 * The evidence Markdown plugins alone, on small inputs, through Sätteri (the build's processor):
 * exact HTML, numbering, what is left alone, and the errors a page gets.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkProject, type Evidence } from '../../src/engine/check/check-project.ts';
import { evidencePlugins } from '../../src/markdown/index.ts';
import { readPageData } from '../../src/markdown/page-data.ts';
import { renderMarkdown } from '../support/render-markdown.ts';
import { glossaryPreview } from '../../src/engine/read/glossary.ts';

const root = fileURLToPath(new URL('../fixtures/evidence/valid/', import.meta.url));
const library = checkProject({ root });
const evidence: Evidence = {
	...library,
	glossary: [
		{
			id: 'placebo',
			term: 'placebo',
			aliases: ['dummy drug'],
			definition: 'A look-alike treatment.',
		},
	],
};

async function render(markdown: string, base = '/') {
	return renderMarkdown(markdown, evidence, { base });
}

const numbers = (html: string) =>
	[...html.matchAll(/class="(?:kpe-cite )?kpe-cite-link"[^>]*>\[?(\d+)/g)].map((m) => Number(m[1]));

describe('the evidence Markdown plugins', () => {
	it('render a citation, its bibliography entry and the back-link (exact HTML)', async () => {
		const { html } = await render('Exercise helped [@smith2020exercise].\n');
		expect(html).toMatchSnapshot();
	});

	it('number every citation in order of first citation, repeats keeping their number', async () => {
		const { html } = await render(
			'A [@jones2019trial]. B [@smith2020exercise]. C [@jones2019trial]. D [@smith2020exercise; @jones2019trial].\n',
		);
		expect(numbers(html)).toEqual([1, 2, 1, 1, 2]);
		expect([...html.matchAll(/<li id="ref-([\w-]+)"/g)].map((m) => m[1])).toEqual([
			'jones2019trial',
			'smith2020exercise',
		]);
	});

	it('preview each reference once: its first citation, in page order, tables included', async () => {
		const { html } = await render(
			'A [@jones2019trial].\n\n::evidence-table{keys="jones2019trial smith2020exercise"}\n\nB [@smith2020exercise].\n',
		);
		expect(html.match(/id="preview-jones2019trial"/g)).toHaveLength(1);
		expect(html.match(/id="preview-smith2020exercise"/g)).toHaveLength(1);
		// The table's citation of smith2020exercise comes first, so the text's is the later one.
		expect(html.indexOf('id="preview-smith2020exercise"')).toBeLessThan(html.indexOf('B <a'));
		expect(html).toMatch(
			/B <a id="cite-\d" href="#ref-smith2020exercise" class="kpe-cite kpe-cite-link" aria-labelledby="preview-smith2020exercise">\[\d\]<\/a>/,
		);
	});

	it('leave citations in inline code and code blocks alone, and add no bibliography for them', async () => {
		const { html } = await render(
			'Write `[@nosuchkey2000]` like this:\n\n```md\nA study [@nosuchkey2000].\n```\n',
		);
		expect(html).toContain('<code>[@nosuchkey2000]</code>');
		expect(html).toContain('A study [@nosuchkey2000].');
		expect(html).not.toContain('kpe-cite');
		expect(html).not.toContain('References');
	});

	it('record the keys a page cites in its metadata, for the study pages', async () => {
		const { frontmatter } = await render(
			'::evidence-table{keys="smith2020exercise"}\n\nText [@jones2019trial].\n',
		);
		expect(readPageData(frontmatter).citedKeys).toEqual(['smith2020exercise', 'jones2019trial']);
	});

	it('stop on an unknown key with the line, column and nearest key', async () => {
		await expect(render('Intro.\n\nSee [@smith2020exercize].\n')).rejects.toThrow(
			/^3:6: the citation "smith2020exercize" is not in references\/\*\.bib\. Did you mean "smith2020exercise"\?/,
		);
	});

	it('stop on a mistyped directive attribute in .md and in .mdx, naming the nearest value', async () => {
		const typo = 'Intro.\n\n::evidence-table{condition="crp"}\n';
		const message =
			/^3:1: ::evidence-table has condition="crp", which is not a known value\. Did you mean "crps"\?/;
		await expect(render(typo)).rejects.toThrow(message);
		await expect(
			Promise.resolve().then(() =>
				mdxToJs(typo, { mdastPlugins: evidencePlugins(evidence), features: { directive: true } }),
			),
		).rejects.toThrow(message);
	});

	it('place each problem on a .md page at its own line, frontmatter counted, not at the first look-alike', async () => {
		// Astro renders a .md entry from its body alone (frontmatter cut, then trimmed); the error must
		// still name the line in the file. Each problem here follows a look-alike that is fine.
		const file = [
			'---',
			'title: A page',
			'---',
			'',
			'Cited in code: `[@smith2020exercize]`.',
			'',
			'::evidence-table{condition="crps"}',
			'',
			'  ::evidence-table{condition="crp"}',
			'',
			'See [@smith2020exercize].',
			'',
		].join('\n');
		const dir = mkdtempSync(join(tmpdir(), 'kpe-md-'));
		const fileURL = pathToFileURL(join(dir, 'page.md'));
		writeFileSync(fileURL, file);
		const body = file.slice(file.indexOf('Cited')).trim();
		const renderBody = (text: string) =>
			Promise.resolve().then(() => renderMarkdown(text, evidence, { fileURL }));
		try {
			await expect(renderBody(body)).rejects.toThrow(
				/^9:3: ::evidence-table has condition="crp", which is not a known value/,
			);
			await expect(renderBody(body.replace('"crp"', '"crps"'))).rejects.toThrow(
				/^11:6: the citation "smith2020exercize" is not in references/,
			);
		} finally {
			rmSync(dir, { recursive: true });
		}
	});

	it('put the site links of generated tables under the base', async () => {
		const { html } = await render(
			'::evidence-table{keys="smith2020exercise"}\n\n::protocol-table\n',
			'/kpe/',
		);
		expect(html).toContain('href="/kpe/studies/smith2020exercise/"');
		// Every site link (tables, reference list) is written under the base, none left root-relative.
		const siteLinks = [...html.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!);
		expect(siteLinks.length).toBeGreaterThanOrEqual(2);
		expect(siteLinks.filter((href) => !href.startsWith('/kpe/'))).toEqual([]);
	});

	it('link the first use of a glossary term in the plain-language layer only, under the base', async () => {
		const { html } = await render(
			'## In plain words\n\nA dummy drug [@smith2020exercise], then a placebo.\n\n## For clinicians\n\nA placebo.\n',
			'/kpe/',
		);
		expect(html).toContain(
			'A <span class="kpe-gloss"><a href="/kpe/glossary/#placebo" class="kpe-gloss-link" aria-describedby="gloss-placebo">dummy drug</a>' +
				'<span id="gloss-placebo" class="kpe-gloss-preview" role="tooltip" data-pagefind-ignore="all">A look-alike treatment.</span></span> <a id="cite-1" href="#ref-smith2020exercise" class="kpe-cite kpe-cite-link"',
		);
		expect(html.match(/glossary\/#placebo/g)).toHaveLength(1);
	});

	it('give a glossary term its meaning in one sentence, without citation marks', () => {
		expect(
			glossaryPreview({
				id: 'x',
				term: 'X',
				aliases: [],
				definition: 'A thing that does Y [@a; @b]. In one trial it did Z [@c].',
			}),
		).toBe('A thing that does Y.');
	});
});
