import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSynonyms, synonymsIn, SYNONYMS_FILE } from '../../../src/site/search/synonyms.ts';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import {
	indexedText,
	prepareForSearch as prepareTree,
	type SearchMarkupOptions,
} from '../../../src/site/search/index-markup.ts';
import { PAGE_SERIALISATION } from '../../../src/engine/html/serialise.ts';

/** A page through the middleware's steps: parsed, adjusted on its tree, serialised. */
function prepareForSearch(html: string, options: SearchMarkupOptions): string {
	const tree = fromHtml(html);
	prepareTree(tree, options);
	return toHtml(tree, PAGE_SERIALISATION);
}
const textOf = (html: string) => indexedText(fromHtml(html, { fragment: true }));

const groups = [
	['esketamine', 'S-ketamine', 'S(+)-ketamine'],
	['intravenous', 'IV'],
	['liver', 'liver injury', 'hepatotoxicity'],
];

const page = (body: string) =>
	`<!DOCTYPE html><html><head><title>T</title></head><body><nav>IV menu</nav><main data-pagefind-body class="x"><h1 id="_top" data-pagefind-ignore>Page title</h1>${body}</main></body></html>`;
const title = 'Page title';

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
	it('leaves a hero title out of the index (no "#_top" sub-result) but keeps it on the page', () => {
		const hero = page('<p>x</p>').replace(' data-pagefind-ignore>Page', ' data-page-title>Page');
		const html = prepareForSearch(hero, { synonyms: groups, editorial: false });
		expect(html).toContain('<h1 id="_top" data-page-title data-pagefind-ignore>Page title</h1>');
	});

	it('separates header cells, terms, descriptions and captions so words never join', () => {
		const html = prepareForSearch(
			page(
				'<table><caption>C</caption><tr><th>A</th><th>B</th></tr></table><dl><dt>Result</dt><dd>Repeated</dd></dl>',
			),
			{ synonyms: [], editorial: false },
		);
		// The parser adds the implied <tbody>, as a browser does.
		expect(html).toContain('</caption>\n<tbody><tr><th>A</th>\n<th>B</th>\n</tr>');
		expect(html).toContain('<dt>Result</dt>\n<dd>Repeated</dd>\n</dl>');
	});

	it('puts the synonyms of the words a page uses in hidden metadata, never into its text', () => {
		const body =
			'<h2 id="s">S(+)-ketamine</h2><p title="S(+)-ketamine">Given S(+)-ketamine <a href="/iv">IV</a> &amp; more.</p><div data-pagefind-ignore><p>liver</p></div>';
		const html = prepareForSearch(page(body), { synonyms: groups, editorial: false, title });
		// The text is unchanged (result excerpts quote it); words in ignored parts add nothing.
		expect(html).toContain(body);
		expect(html).toContain(
			'<div hidden data-pagefind-ignore><span data-pagefind-meta="synonyms">esketamine, S-ketamine, intravenous</span></div>',
		);
		expect(html).toContain('<nav>IV menu</nav>');
	});

	it('gives pages written by editors a hidden subject: title, headings and their synonyms', () => {
		const body =
			'<h2 id="l">Harm to the liver</h2><h4>Too deep</h4><div data-pagefind-ignore><h2>Hidden</h2></div><p>Text</p>';
		const html = prepareForSearch(page(body), {
			synonyms: groups,
			editorial: true,
			title,
		});
		expect(html).toContain(
			'<main data-pagefind-body class="x"><div hidden data-pagefind-ignore><span data-pagefind-meta="subject">Page title; Harm to the liver; liver injury; hepatotoxicity</span>',
		);
		expect(
			prepareForSearch(page('<h2 id="l">Liver</h2>'), {
				synonyms: groups,
				editorial: false,
				title,
			}),
		).not.toContain('data-pagefind-meta="subject"');
	});

	it('escapes what it writes: a heading with markup characters stays text', () => {
		const html = prepareForSearch(page('<p>x</p>'), {
			synonyms: groups,
			editorial: true,
			title: 'a < b & c',
		});
		expect(html).toContain('<span data-pagefind-meta="subject">a &lt; b &amp; c</span>');
	});

	it('counts the title words for synonyms, though the title is out of the index', () => {
		const html = prepareForSearch(page('<p>x</p>'), {
			synonyms: groups,
			editorial: false,
			title: 'Esketamine',
		});
		expect(html).toContain('data-pagefind-meta="synonyms">S-ketamine, S(+)-ketamine</span>');
	});

	it('returns pages without an indexed main unchanged', () => {
		const html =
			'<!DOCTYPE html><html><head></head><body><p>S(+)-ketamine</p><dl><dt>a</dt><dd>b</dd></dl></body></html>';
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
