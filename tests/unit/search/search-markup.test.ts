import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSynonyms, synonymsIn, SYNONYMS_FILE } from '../../../src/site/search/synonyms.ts';
import { prepareForSearch, textOf } from '../../../src/site/search/index-markup.ts';

const groups = [
	['esketamine', 'S-ketamine', 'S(+)-ketamine'],
	['intravenous', 'IV'],
	['liver', 'liver injury', 'hepatotoxicity'],
];

const page = (body: string) =>
	`<html><head><title>T</title></head><body><nav>IV menu</nav><main data-pagefind-body class="x"><h1 id="_top">Page title</h1>${body}</main></body></html>`;

describe('search synonyms file', () => {
	it('the project file parses into groups of two or more words', () => {
		const parsed = parseSynonyms(readFileSync(SYNONYMS_FILE, 'utf8'));
		expect(parsed.length).toBeGreaterThan(10);
		expect(parsed.find((g) => g.includes('esketamine'))).toContain('S(+)-ketamine');
		expect(parsed.find((g) => g.includes('CRPS'))).toContain('complex regional pain syndrome');
	});

	it('a group of one word is refused at its line and column, with the fix', () => {
		expect(() => parseSynonyms('- [a, b]\n- [lonely]\n', 'syn.yaml')).toThrow(
			/^syn\.yaml:2:3 Search synonyms \(group 2\): .*Write one group per line/,
		);
	});

	it('broken YAML is refused at its position', () => {
		expect(() => parseSynonyms('- [a, b\n', 'syn.yaml')).toThrow(
			/^syn\.yaml:\d+:\d+ This is not valid YAML/,
		);
	});
});

describe('synonymsIn', () => {
	it('finds words at word boundaries, plurals too; capitals-only words only in capitals', () => {
		const hits = synonymsIn('Two S(+)-ketamine drips; IV and iv; livers; delivery', groups);
		expect(hits.map((h) => h.words)).toEqual([
			['esketamine', 'S-ketamine'],
			['intravenous'],
			['liver injury', 'hepatotoxicity'],
		]);
	});

	it('prefers the longest word where two of a group overlap', () => {
		expect(synonymsIn('liver injury', groups).map((h) => h.words)).toEqual([
			['liver', 'hepatotoxicity'],
		]);
	});
});

describe('prepareForSearch', () => {
	it('leaves the title out of the index (no "#_top" sub-result) but keeps it on the page', () => {
		const html = prepareForSearch(page('<p>x</p>'), { synonyms: groups, editorial: false });
		expect(html).toContain('<h1 id="_top" data-pagefind-ignore>Page title</h1>');
	});

	it('separates header cells, terms, descriptions and captions so words never join', () => {
		const html = prepareForSearch(
			page(
				'<table><caption>C</caption><tr><th>A</th><th>B</th></tr></table><dl><dt>Result</dt><dd>Repeated</dd></dl>',
			),
			{ synonyms: [], editorial: false },
		);
		expect(html).toContain('</caption>\n<tr><th>A</th>\n<th>B</th>\n</tr>');
		expect(html).toContain('<dt>Result</dt>\n<dd>Repeated</dd>\n</dl>');
	});

	it('puts the synonyms of the words a page uses in hidden metadata, never into its text', () => {
		const body =
			'<h2 id="s">S(+)-ketamine</h2><p title="S(+)-ketamine">Given S(+)-ketamine <a href="/iv">IV</a>.</p><div data-pagefind-ignore><p>liver</p></div>';
		const html = prepareForSearch(page(body), { synonyms: groups, editorial: false });
		// The text is unchanged (result excerpts quote it); words in ignored parts add nothing.
		expect(html).toContain(body);
		expect(html).toContain(
			'<div hidden data-pagefind-ignore><span data-pagefind-meta="synonyms">esketamine, S-ketamine, intravenous</span></div>',
		);
		expect(html).toContain('<nav>IV menu</nav>');
	});

	it('gives pages written by editors a hidden subject: title, headings and their synonyms', () => {
		const html = prepareForSearch(page('<h2 id="l">Harm to the liver</h2><p>Text</p>'), {
			synonyms: groups,
			editorial: true,
		});
		expect(html).toContain(
			'<main data-pagefind-body class="x"><div hidden data-pagefind-ignore><span data-pagefind-meta="subject">Page title; Harm to the liver; liver injury; hepatotoxicity</span>',
		);
		expect(
			prepareForSearch(page('<h2 id="l">Liver</h2>'), { synonyms: groups, editorial: false }),
		).not.toContain('data-pagefind-meta="subject"');
	});

	it('returns pages without an indexed main unchanged', () => {
		const html = '<html><body><p>S(+)-ketamine</p></body></html>';
		expect(prepareForSearch(html, { synonyms: groups, editorial: true })).toBe(html);
	});

	it('reads text as Pagefind does: without nav, footer, scripts or ignored elements', () => {
		expect(
			textOf(
				'<p>a &amp; b</p><footer>f</footer><div data-pagefind-ignore="all"><div>x</div></div><script>s</script><p>c</p>',
			),
		).toBe('a & b c');
	});
});
