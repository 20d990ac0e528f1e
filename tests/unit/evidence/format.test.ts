import { toHtml } from 'hast-util-to-html';
import { backlink } from '../../../src/engine/render/backlinks.ts';
import { h } from 'hastscript';
/**
 * Vancouver references with citation-js, identifier links, hover previews, and the HTML of
 * citations and bibliographies.
 */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { loadBibtexText, type LibraryEntry } from '../../../src/engine/read/library.ts';
import {
	formatReferences,
	identifierLinkNodes,
	normaliseText,
	shortReference,
	type FormattedReference,
} from '../../../src/engine/render/format.ts';
import { renderBibliography, renderCluster } from '../../../src/engine/render/render.ts';
import { escapeHtml } from '../../../src/engine/html/serialise.ts';
import { fromHtml } from 'hast-util-from-html';

/** The renderers' trees, serialised as the Markdown plugins do. */
const identifierLinks = (csl: Parameters<typeof identifierLinkNodes>[0]) =>
	toHtml(identifierLinkNodes(csl));
const cluster = (input: Parameters<typeof renderCluster>[0]) => toHtml(renderCluster(input));
const bibliography = (items: Parameters<typeof renderBibliography>[0]) =>
	toHtml(renderBibliography(items));

const BIB = String.raw`
@article{smith2020exercise,
  author  = {Smith, John and Jones, Mary and Brown, Peter and Taylor, Anne and Wilson, Robert and Davies, Kate and Evans, Lucy},
  title   = {Exercise for chronic pain: a randomised trial},
  journal = {Journal of Testing},
  year    = {2020},
  volume  = {12},
  number  = {3},
  pages   = {45--52},
  doi     = {10.1000/xyz123},
  pmid    = {12345678}
}

@book{solo2019handbook,
  author    = {Solo, Hannah},
  title     = {A handbook of test data},
  publisher = {Example Press},
  year      = {2019},
  url       = {https://example.org/handbook},
  noidreason = {A book without DOI or PMID}
}

@article{garcia2021accents,
  author  = {Garc{\'\i}a, Jos{\'e} and H{\"a}berle, Anna},
  title   = {Ketamine and {COVID}-19},
  journal = {Journal of Testing},
  year    = {2021},
  doi     = {10.1000/xyz125}
}
`;

function library(text = BIB): Map<string, LibraryEntry> {
	const { entries, diagnostics } = loadBibtexText('references/library.bib', text);
	expect(diagnostics).toEqual([]);
	return new Map(entries.map((e) => [e.key, e]));
}

const entries = library();
const smith = entries.get('smith2020exercise')!;
const solo = entries.get('solo2019handbook')!;
const garcia = entries.get('garcia2021accents')!;

describe('formatReferences', () => {
	it('gives Vancouver text: six authors then et al., journal, year;volume(issue):pages', () => {
		const [reference] = formatReferences([smith]);
		expect(reference!.key).toBe('smith2020exercise');
		expect(reference!.html).toBe(
			'Smith J, Jones M, Brown P, Taylor A, Wilson R, Davies K, et al. ' +
				'Exercise for chronic pain: a randomised trial. Journal of Testing. 2020;12(3):45–52.',
		);
	});

	it('links the DOI and the PubMed record', () => {
		const [reference] = formatReferences([smith]);
		expect(reference!.linksHtml).toBe(
			'doi: <a href="https://doi.org/10.1000/xyz123">10.1000/xyz123</a>. ' +
				'PubMed: <a href="https://pubmed.ncbi.nlm.nih.gov/12345678/">12345678</a>',
		);
		// Identifiers are linked by us, never repeated by citeproc inside the reference text.
		expect(reference!.html).not.toContain('doi');
		expect(reference!.html).not.toContain('<a');
	});

	it('shows no identifier link for an entry the policy says is not verified', () => {
		const [reference] = formatReferences([smith], { isVerified: () => false });
		expect(reference!.linksHtml).toBe('');
		expect(reference!.html).toContain('Exercise for chronic pain');
	});

	it('asks the policy about each key', () => {
		const asked: string[] = [];
		const references = formatReferences([smith, garcia], {
			isVerified: (key) => {
				asked.push(key);
				return key === 'garcia2021accents';
			},
		});
		expect(asked.sort()).toEqual(['garcia2021accents', 'smith2020exercise']);
		expect(references.map((r) => r.linksHtml === '')).toEqual([true, false]);
	});

	it('keeps the order given, not alphabetical order', () => {
		expect(formatReferences([solo, smith, garcia]).map((r) => r.key)).toEqual([
			'solo2019handbook',
			'smith2020exercise',
			'garcia2021accents',
		]);
		expect(formatReferences([])).toEqual([]);
	});

	it('formats a book and links its https url when it has no DOI or PMID', () => {
		const [reference] = formatReferences([solo]);
		expect(reference!.html).toBe('Solo H. A handbook of test data. Example Press; 2019.');
		expect(reference!.linksHtml).toBe(
			'<a href="https://example.org/handbook">https://example.org/handbook</a>',
		);
	});

	it('decodes LaTeX accents to precomposed Unicode and drops protective braces', () => {
		const [reference] = formatReferences([garcia]);
		expect(reference!.html).toBe(
			'García J, Häberle A. Ketamine and COVID-19. Journal of Testing. 2021.',
		);
		expect(reference!.html).toBe(reference!.html.normalize('NFC'));
		expect(reference!.short).toBe('García J et al. 2021. Ketamine and COVID-19');
	});

	it('renders a title with markup as inert, escaped text', () => {
		const {
			entries: [entry],
		} = loadBibtexText(
			'references/library.bib',
			'@article{smith2020exercise, author = {Smith, John}, title = {A <script>alert(1)</script> trial of "x" & \'y\'}, journal = {Journal of Testing}, year = {2020}}',
		);
		const [reference] = formatReferences([entry!]);
		expect(reference!.html).not.toContain('<script');
		// The text is one text node, whatever its characters: the serialiser escapes it.
		expect(reference!.nodes.every((n) => n.type === 'text')).toBe(true);
		expect(reference!.nodes.map((n) => (n.type === 'text' ? n.value : '')).join('')).toContain(
			'A <script>alert(1)</script> trial of "x" & \'y\'',
		);
		expect(reference!.html).toContain('A &#x3C;script>alert(1)&#x3C;/script> trial of "x" &#x26;');
	});

	it('percent-encodes # and ? in a DOI link', () => {
		const doi = '10.1000/(SICI)1234-5678(19990101)1:1<1::AID-TEST1>3.0.CO;2-#';
		const html = identifierLinks({ id: 'x', type: 'article-journal', DOI: doi });
		const href = /href="([^"]*)"/.exec(html)![1]!;
		expect(href.startsWith('https://doi.org/10.1000/')).toBe(true);
		expect(href).not.toContain('#');
		expect(decodeURIComponent(href.slice('https://doi.org/'.length))).toBe(doi);
		expect(identifierLinks({ id: 'y', type: 'article-journal', DOI: '10.1000/a?b' })).toContain(
			'href="https://doi.org/10.1000/a%3Fb"',
		);
	});
});

describe('shortReference', () => {
	it('gives "Family I et al. Year. Title" for several authors', () => {
		expect(shortReference(smith.csl)).toBe(
			'Smith J et al. 2020. Exercise for chronic pain: a randomised trial',
		);
	});

	it('gives "Family I. Year. Title" for one author', () => {
		expect(shortReference(solo.csl)).toBe('Solo H. 2019. A handbook of test data');
	});

	it('uses every initial of a given name', () => {
		expect(
			shortReference({
				id: 'x',
				type: 'article-journal',
				title: 'A title',
				author: [{ family: 'Martin', given: 'Jean-Pierre A.' }],
				issued: { 'date-parts': [[2011]] },
			}),
		).toBe('Martin JPA. 2011. A title');
	});
});

describe('normaliseText and escapeHtml', () => {
	it('turns a dotless i or j plus a combining accent into the accented letter', () => {
		expect(normaliseText('Garc\u0131\u0301a')).toBe('Garc\u00eda');
		expect(normaliseText('e\u0301')).toBe('\u00e9');
		expect(normaliseText('\u0237\u030c')).toBe('\u01f0');
	});

	it('escapes text so an HTML parser reads it back as that text and nothing else', () => {
		const text = `<a href="x">Tom & Jerry's</a> &amp; <!-- c --> </title>`;
		expect(escapeHtml(text)).toBe(
			`&lt;a href="x">Tom &amp; Jerry's&lt;/a> &amp;amp; &lt;!-- c --> &lt;/title>`,
		);
		expect(fromHtml(escapeHtml(text), { fragment: true }).children).toEqual([
			expect.objectContaining({ type: 'text', value: text }),
		]);
	});
});

/** The text a reader (or screen reader) gets from some HTML: tags dropped, entities decoded. */
function textOf(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
		.replace(
			/&(lt|gt|quot|amp);/g,
			(_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name]!,
		);
}

/** The text of the hover preview of each link in a cluster. */
const previews = (html: string) =>
	[...html.matchAll(/<span class="kpe-cite-preview"[^>]*>([\s\S]*?)<\/span><\/a>/g)].map((m) =>
		textOf(m[1]!),
	);

describe('renderCluster', () => {
	const item = (key: string, number: number) => ({ key, number, short: `${key} short` });

	it('links one citation to its reference and carries the cluster id', () => {
		const html = cluster({ index: 4, items: [item('smith2020exercise', 1)] });
		expect(html).toContain('id="cite-4"');
		expect(html).toContain('href="#ref-smith2020exercise"');
		expect(html).toContain('>[1]<span class="kpe-cite-preview"');
		expect(previews(html)).toHaveLength(1);
		expect(previews(html)[0]).toContain('1. smith2020exercise short');
		// The label, brackets included, comes before the (visually hidden) preview.
		expect(textOf(html).startsWith('[1]1. smith2020exercise short')).toBe(true);
		// One link, no wrapper: the link carries the cluster's id and class, and its brackets.
		expect(html).toMatch(
			/^<a id="cite-4" href="[^"]+" class="kpe-cite kpe-cite-link"[^>]*>\[1\]<.*<\/a>$/,
		);
		// Screen readers get the number and the short reference as the link's name: the link is
		// named by its preview, which they do not hear a second time as text.
		const link = parse(html).querySelector('a')!;
		expect(link.getAttribute('aria-labelledby')).toBe('preview-smith2020exercise');
		expect(link.getAttribute('aria-label')).toBeUndefined();
		const preview = link.querySelector('#preview-smith2020exercise')!;
		expect(preview.textContent).toBe('1. smith2020exercise short');
		expect(preview.getAttribute('aria-hidden')).toBe('true');
	});

	it('links each number of a pair to its own reference', () => {
		const html = cluster({ index: 1, items: [item('a', 1), item('b', 2)] });
		expect(html).toContain('href="#ref-a"');
		expect(html).toContain('href="#ref-b"');
		expect(html.match(/<a /g)).toHaveLength(2);
		// Several links keep one wrapper, with the cluster's id: "[1, 2]" stays on one line.
		expect(html).toMatch(/^<span class="kpe-cite" id="cite-1">\[<a .*<\/a>, <a .*<\/a>\]<\/span>$/);
	});

	it('collapses a run to one link to its first reference, previewing all of them', () => {
		const html = cluster({ index: 2, items: [item('c', 3), item('a', 1), item('b', 2)] });
		expect(html.match(/<a /g)).toHaveLength(1);
		// Named by what it shows ("[1–3]", as speech input users say it), described by its references.
		expect(html).toMatch(
			/href="#ref-a" class="kpe-cite kpe-cite-link" aria-label="1–3" aria-describedby="preview-a preview-b preview-c">\[1–3\]</,
		);
		expect(html).not.toContain('aria-labelledby');
		const [preview] = previews(html);
		expect(preview).toMatch(/1\. a short.*2\. b short.*3\. c short/);
		// One line per reference (each gets the id later citations point to when it is the first).
		expect(
			parse(html)
				.querySelectorAll('.kpe-cite-preview-item')
				.map((i) => i.textContent),
		).toEqual(['1. a short', '2. b short', '3. c short']);
		expect(
			parse(html)
				.querySelectorAll('.kpe-cite-preview-item')
				.map((i) => i.id),
		).toEqual(['preview-a', 'preview-b', 'preview-c']);
	});

	it("previews a reference once per page: a later citation is named by the first one's preview", () => {
		const first = cluster({ index: 1, items: [{ ...item('a', 1), first: true }] });
		const later = cluster({ index: 2, items: [{ ...item('a', 1), first: false }] });
		expect(first).toBe(
			'<a id="cite-1" href="#ref-a" class="kpe-cite kpe-cite-link" aria-labelledby="preview-a">[1]<span class="kpe-cite-preview" id="preview-a" aria-hidden="true" data-pagefind-ignore="all">1. a short</span></a>',
		);
		// No copy of the text: one id, which screen readers follow (and the preview script).
		expect(later).toBe(
			'<a id="cite-2" href="#ref-a" class="kpe-cite kpe-cite-link" aria-labelledby="preview-a">[1]</a>',
		);
	});

	it('previews only the new references of a range, and points to the others', () => {
		const html = cluster({
			index: 3,
			items: [
				{ ...item('a', 1), first: false },
				{ ...item('b', 2), first: true },
			],
		});
		expect(previews(html).map((text) => text.trim())).toEqual(['2. b short']);
		const [seen, fresh] = parse(html).querySelectorAll('a');
		expect(seen!.getAttribute('aria-labelledby')).toBe('preview-a');
		expect(seen!.querySelector('.kpe-cite-preview')).toBeNull();
		expect(fresh!.getAttribute('aria-labelledby')).toBe('preview-b');
		expect(fresh!.querySelector('.kpe-cite-preview')?.id).toBe('preview-b');
	});

	it('escapes the preview text', () => {
		const html = cluster({
			index: 1,
			items: [{ key: 'a', number: 1, short: 'Smith J. 2020. <script>alert(1)</script>' }],
		});
		// In text, `<` is escaped: no element is made, and the text is what it says.
		expect(html).toContain('>1. Smith J. 2020. &#x3C;script>');
		const link = parse(html).querySelector('a')!;
		expect(link.querySelectorAll('script')).toHaveLength(0);
		expect(link.querySelector('.kpe-cite-preview')!.textContent).toBe(
			'1. Smith J. 2020. <script>alert(1)</script>',
		);
	});
});

describe('renderBibliography', () => {
	const reference = (key: string, links: FormattedReference['links'] = []): FormattedReference => ({
		key,
		html: `${key} text`,
		nodes: [{ type: 'text', value: `${key} text` }],
		linksHtml: toHtml(links),
		links,
		short: key,
	});

	it('gives each entry its id and back-links to every place it is cited', () => {
		const html = bibliography([
			{
				reference: reference('smith2020exercise', [
					h('a', { href: 'https://doi.org/10.1000/xyz123' }, 'x'),
				]),
				citedAt: [1, 3],
			},
			{ reference: reference('jones2019trial'), citedAt: [2] },
		]);
		expect(html.startsWith('<ol class="kpe-references">')).toBe(true);
		expect(html).toContain('<li id="ref-smith2020exercise">');
		expect(html).toContain('<li id="ref-jones2019trial">');
		expect(html).toContain('href="#cite-1"');
		expect(html).toContain('href="#cite-2"');
		expect(html).toContain('href="#cite-3"');
		expect(html).toContain('aria-label="Back to citation 1, place 2 in the text"');
		expect(html).toContain('aria-label="Back to citation 2 in the text"');
		expect(html).toContain(
			'<li id="ref-smith2020exercise">smith2020exercise text <a href="https://doi.org/10.1000/xyz123">x</a>.',
		);
		// Entries keep the order given (citation order).
		expect(html.indexOf('ref-smith2020exercise')).toBeLessThan(html.indexOf('ref-jones2019trial'));
	});

	it('links each entry to its study page and folds back-links after the first three', () => {
		const html = bibliography([
			{ reference: reference('a'), citedAt: [1, 2, 3, 4] },
			{ reference: reference('b'), citedAt: [5, 6, 7, 8, 9] },
		]);
		const [a, b] = parse(html).querySelectorAll('li');
		expect(a!.querySelector('a.kpe-ref-study')?.getAttribute('href')).toBe('/studies/a/');
		expect(a!.querySelector('a.kpe-ref-study')?.getAttribute('aria-label')).toBe(
			'Study page of reference 1',
		);
		// Four places: all shown. Five: three, then the rest under the count.
		expect(a!.querySelector('button')).toBeNull();
		expect(a!.querySelectorAll('a.kpe-backlink')).toHaveLength(4);
		expect(
			b!.querySelectorAll(':scope > a.kpe-backlink').map((x) => x.getAttribute('href')),
		).toEqual(['#cite-5', '#cite-6', '#cite-7']);
		expect(b!.querySelector('button.kpe-backlinks-more')?.textContent).toBe('cited 5 times');
		// The folded places are the clusters they return to, and the entry's number, for the script
		// that makes them into links (src/scripts/backlinks.ts, with the same `backlink`).
		const fold = b!.querySelector('button.kpe-backlinks-more')!;
		expect(b!.querySelectorAll('a.kpe-backlink')).toHaveLength(3);
		expect(fold.getAttribute('aria-expanded')).toBe('false');
		expect(fold.getAttribute('data-places')).toBe('8 9');
		expect(fold.getAttribute('data-reference')).toBe('2');
		const shown = b!.querySelectorAll(':scope > a.kpe-backlink')[1]!;
		const { href, label, text } = backlink(2, 2, 5, 6);
		expect([
			shown.getAttribute('href'),
			shown.getAttribute('aria-label'),
			shown.textContent,
		]).toEqual([href, label, text]);
		expect(backlink(2, 12, 12, 107)).toEqual({
			href: '#cite-107',
			label: 'Back to citation 2, place 12 in the text',
			text: '↩¹²',
		});
		expect(backlink(3, 1, 1, 4).text).toBe('↩');
	});

	it('links every citation of a real page to an entry, and every entry back to its citations', () => {
		const order = ['smith2020exercise', 'garcia2021accents'];
		const references = formatReferences(order.map((key) => entries.get(key)!));
		const clusters = [
			cluster({
				index: 1,
				items: [{ key: order[0]!, number: 1, short: references[0]!.short }],
			}),
			cluster({
				index: 2,
				items: order.map((key, i) => ({ key, number: i + 1, short: references[i]!.short })),
			}),
		];
		const list = bibliography([
			{ reference: references[0]!, citedAt: [1, 2] },
			{ reference: references[1]!, citedAt: [2] },
		]);
		const page = clusters.join(' ') + list;
		const ids = new Set([...page.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
		const targets = [...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
		expect(targets.length).toBeGreaterThan(0);
		for (const target of targets) expect(ids.has(target), target).toBe(true);
		expect(targets).toEqual(
			expect.arrayContaining([
				'ref-smith2020exercise',
				'ref-garcia2021accents',
				'cite-1',
				'cite-2',
			]),
		);
	});
});
