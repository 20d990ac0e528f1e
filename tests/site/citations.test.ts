import { describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { builtPages, readPage, visibleText, referenceKey } from '../support/dist.ts';

/** A citation cluster's links: the cluster itself when it is one link, else the links it wraps. */
const linksOf = (cluster: HTMLElement) =>
	cluster.tagName === 'A' ? [cluster] : cluster.querySelectorAll('.kpe-cite-link');

/** A cluster's label as a reader sees it ("[1]", "[1, 2]", "[2–4]"), without the previews. */
function labelOf(cluster: HTMLElement): string {
	const shown = (n: HTMLElement['childNodes'][number]) =>
		n.nodeType === 3 ? n.textContent : n.childNodes[0]?.textContent;
	// One link holds its brackets; several are wrapped, the brackets and commas between them.
	return cluster.tagName === 'A' ? shown(cluster)! : cluster.childNodes.map(shown).join('');
}

/** The numbers a citation link covers: "[2–4]" or "2–4" covers 2, 3 and 4. */
function numbersOf(link: HTMLElement): number[] {
	const [from, to = from] = link.childNodes[0]!.textContent.replace(/[[\]]/g, '')
		.split('–')
		.map(Number);
	return Array.from({ length: to! - from! + 1 }, (_, k) => from! + k);
}

describe('citations on the fibromyalgia page', () => {
	const page = readPage('/conditions/fibromyalgia/');
	const main = page.querySelector('main')!;
	const clusters = main.querySelectorAll('.kpe-cite');
	const references = main.querySelectorAll('ol.kpe-references > li');

	it('cites at least five library entries and lists each once in its bibliography', () => {
		expect(references.length).toBeGreaterThanOrEqual(5);
		const keys = references.map(referenceKey);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('numbers citations in order of first appearance: every number, not only the first and last', () => {
		const firstSeen: number[] = [];
		// The "At a glance" box repeats the bottom line (its clusters marked as copies): count the text.
		for (const link of main.querySelectorAll('.kpe-cite-link'))
			for (const n of numbersOf(link)) if (!firstSeen.includes(n)) firstSeen.push(n);
		// A range [2–4] counts as 2, 3, 4: each new number is the next one, so the list is 1, 2, 3… N.
		expect(firstSeen).toEqual(references.map((_, i) => i + 1));
	});

	it('shows labels as [n], [n, m] or [n–m]', () => {
		expect(clusters.length).toBeGreaterThan(5);
		for (const cluster of clusters)
			expect(labelOf(cluster)).toMatch(/^\[\d+(–\d+)?(, \d+(–\d+)?)*\]$/);
	});

	it('links every number to an entry of the bibliography, and every entry back to each place it is cited', () => {
		const refIds = new Set(references.map((li) => li.id));
		const clusterIds = new Set(clusters.map((c) => c.id));
		// The "At a glance" box repeats the bottom line (its clusters marked as copies): count the text.
		for (const link of main.querySelectorAll('.kpe-cite-link')) {
			expect(refIds).toContain(link.getAttribute('href')!.slice(1));
		}
		for (const li of references) {
			const back = li.querySelectorAll('a.kpe-backlink');
			expect(back.length, `${li.id} has back-links`).toBeGreaterThan(0);
			for (const a of back) expect(clusterIds).toContain(a.getAttribute('href')!.slice(1));
		}
		// Every place a number is cited (a link's number, or a range "2–4" that covers it) is
		// linked back to from its entry.
		const numbersIn = (cluster: (typeof clusters)[number]) => linksOf(cluster).flatMap(numbersOf);
		references.forEach((li, i) => {
			const number = i + 1;
			const citedIn = clusters.filter((c) => numbersIn(c).includes(number)).map((c) => `#${c.id}`);
			// The back-links shown, then the places folded under "cited N times" (made into links when
			// a reader opens the fold).
			const folded = li.querySelector('button.kpe-backlinks-more')?.getAttribute('data-places');
			const back = [
				...li.querySelectorAll('a.kpe-backlink').map((a) => a.getAttribute('href')),
				...(folded ? folded.split(' ').map((n) => `#cite-${n}`) : []),
			];
			expect(back, `back-links of ${li.id}`).toEqual(citedIn);
		});
	});

	it('gives each citation a short reference for hover and focus, hidden from search excerpts', () => {
		const preview = main.querySelector('.kpe-cite-link .kpe-cite-preview')!;
		expect(preview.getAttribute('data-pagefind-ignore')).toBe('all');
		expect(visibleText(preview)).toMatch(/^1\. [A-Z][\w-]+ [A-Z]+ et al\. \d{4}\. .+$/);
		// Screen readers hear it as the link's name (the number comes first), not a second time as
		// text (tests/browser/citations.test.ts checks what Chromium computes).
		expect(preview.parentNode!.getAttribute('aria-labelledby')).toBe(preview.id);
		expect(preview.getAttribute('aria-hidden')).toBe('true');
	});

	it('renders a Vancouver bibliography with DOI and PubMed links', () => {
		const graven = main.querySelector('#ref-gravennielsen2000ketamine')!;
		// The entry opens with its reference, then its identifiers.
		expect(visibleText(graven)).toMatch(
			/^Graven-Nielsen T, Aspegren Kendall S, Henriksson KG, Bengtsson M, Sörensen J, Johnson A, et al\. Ketamine reduces muscle pain, temporal summation, and referred pain in fibromyalgia patients\. Pain\. 2000;85\(3\):483–91\. doi: 10\.1016\/S0304-3959\(99\)00308-5\. PubMed: 10781923\. Study page ↩/,
		);
		const hrefs = graven.querySelectorAll('a').map((a) => a.getAttribute('href'));
		expect(hrefs).toContain('https://doi.org/10.1016/S0304-3959(99)00308-5');
		expect(hrefs).toContain('https://pubmed.ncbi.nlm.nih.gov/10781923/');
	});

	it('shows no identifier link for an entry whose DOI/PMID could not be verified', () => {
		const noppers = main.querySelector('#ref-noppers2011absence')!;
		const external = noppers
			.querySelectorAll('a')
			.map((a) => a.getAttribute('href')!)
			.filter((href) => !href.startsWith('#') && !href.startsWith('/studies/'));
		expect(external).toEqual([]);
	});

	it('leaves text in code and e-mail addresses alone', () => {
		for (const code of main.querySelectorAll('code'))
			expect(code.querySelector('.kpe-cite')).toBeNull();
		expect(page.toString()).not.toMatch(/\[@[a-z]/);
	});
});

describe('citation previews across the built site', () => {
	const pages = builtPages().filter((path) => readPage(path).querySelector('main .kpe-cite'));
	const main = (path: string) => readPage(path).querySelector('main')!;

	it('cover the condition pages', () => {
		expect(pages).toEqual(
			expect.arrayContaining(['/conditions/crps/', '/conditions/fibromyalgia/']),
		);
	});

	it.each(pages)('%s: one preview per reference, in its first citation', (path) => {
		const page = main(path);
		// The "At a glance" box repeats the bottom line as a copy; the page's own citations count.
		const links = page.querySelectorAll('.kpe-cite-link');
		// A preview of one reference carries its id; a preview of several, one item per reference.
		const ids = page
			.querySelectorAll('.kpe-cite-preview')
			.flatMap((preview) =>
				preview.id
					? [preview.id]
					: preview.querySelectorAll('.kpe-cite-preview-item').map((i) => i.id),
			);
		const keys = page.querySelectorAll('ol.kpe-references > li').map(referenceKey);
		expect(ids.sort()).toEqual(keys.map((key) => `preview-${key}`).sort());
		const clusterOf = (el: (typeof links)[number]) => {
			let at: typeof el | null = el;
			while (at && !at.classList.contains('kpe-cite')) at = at.parentNode;
			return Number(at!.id.replace('cite-', ''));
		};
		for (const link of links) {
			// Every link is named by the preview of the reference it stands for, or, a range ("[2–4]",
			// named by what it shows), described by the previews of those it covers, in number order;
			// no copy of their text (no title; a name of its own only for a range, its numbers).
			const range = numbersOf(link).length > 1;
			const named = link.getAttribute(range ? 'aria-describedby' : 'aria-labelledby')!.split(' ');
			expect(link.getAttribute(range ? 'aria-labelledby' : 'aria-describedby')).toBeUndefined();
			expect(
				named.map((id) => page.querySelector(`#${id}`)?.textContent.match(/^\d+/)?.[0]),
				link.outerHTML,
			).toEqual(numbersOf(link).map(String));
			expect(link.getAttribute('aria-label')).toBe(
				range ? link.childNodes[0]!.textContent.replace(/[[\]]/g, '') : undefined,
			);
			expect(link.getAttribute('title')).toBeUndefined();
			// A preview it does not hold sits in an earlier cluster.
			for (const id of named)
				if (!link.querySelector(`#${id}`))
					expect(clusterOf(page.querySelector(`#${id}`)!)).toBeLessThan(clusterOf(link));
		}
	});
});

describe('the reference list of a condition page', () => {
	const main = readPage('/conditions/crps/').querySelector('main')!;
	const entries = main.querySelectorAll('ol.kpe-references > li');
	const pages = new Set(builtPages());

	it("links each entry to the study's own page, which exists", () => {
		expect(entries.length).toBeGreaterThan(5);
		for (const li of entries)
			expect(li.querySelector('a.kpe-ref-study')?.getAttribute('href')).toBe(
				`/studies/${referenceKey(li)}/`,
			);
		for (const li of entries)
			expect(pages.has(li.querySelector('a.kpe-ref-study')!.getAttribute('href')!)).toBe(true);
	});

	it('shows at most four back-links, folding the rest under "cited N times" with every place kept', () => {
		const folded = entries.filter((li) => li.querySelector('button.kpe-backlinks-more'));
		expect(folded.length).toBeGreaterThan(0);
		const clusters = new Set(main.querySelectorAll('[id^="cite-"]').map((el) => el.id));
		for (const li of entries) {
			const shown = li.querySelectorAll('a.kpe-backlink');
			expect(shown.length).toBeLessThanOrEqual(4);
			const details = li.querySelector('button.kpe-backlinks-more');
			if (!details) continue;
			expect(details.getAttribute('type')).toBe('button');
			expect(details.getAttribute('aria-expanded')).toBe('false');
			expect(shown).toHaveLength(3);
			// The rest are the clusters they return to, made into links when the button is pressed.
			const places = details.getAttribute('data-places')!.split(' ');
			expect(places.length).toBeGreaterThan(1);
			expect(visibleText(details)).toBe(`cited ${3 + places.length} times`);
			for (const place of places) expect(clusters).toContain(`cite-${place}`);
			const number = entries.indexOf(li) + 1;
			expect(details.getAttribute('data-reference')).toBe(String(number));
		}
	});
});
