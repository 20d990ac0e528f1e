import { describe, expect, it } from 'vitest';
import { readPage, visibleText } from '../support/dist.ts';

describe('citations on the fibromyalgia page', () => {
	const page = readPage('/conditions/fibromyalgia/');
	const main = page.querySelector('main')!;
	const clusters = main.querySelectorAll('.kpe-cite');
	const references = main.querySelectorAll('ol.kpe-references > li');

	it('cites at least five library entries and lists each once in its bibliography', () => {
		expect(references.length).toBeGreaterThanOrEqual(5);
		const keys = references.map((li) => li.getAttribute('data-key'));
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('numbers citations in order of first appearance: every number, not only the first and last', () => {
		const firstSeen: number[] = [];
		// The "At a glance" box repeats the bottom line (its clusters marked as copies): count the text.
		for (const link of main.querySelectorAll('.kpe-cite .kpe-cite-link')) {
			const label = link.childNodes[0]!.textContent!.trim();
			const [from, to = from] = label.split('–').map(Number) as [number, number?];
			for (let n = from; n <= to!; n++) if (!firstSeen.includes(n)) firstSeen.push(n);
		}
		// A range [2–4] counts as 2, 3, 4: each new number is the next one, so the list is 1, 2, 3… N.
		expect(firstSeen).toEqual(references.map((_, i) => i + 1));
	});

	it('shows labels as [n], [n, m] or [n–m]', () => {
		for (const cluster of clusters) {
			const label = cluster.childNodes
				.map((n) =>
					n.nodeType === 3
						? n.textContent
						: (n as { childNodes: { textContent: string }[] }).childNodes[0]?.textContent,
				)
				.join('');
			expect(label).toMatch(/^\[\d+(–\d+)?(, \d+(–\d+)?)*\]$/);
		}
	});

	it('links every number to an entry of the bibliography, and every entry back to each place it is cited', () => {
		const refIds = new Set(references.map((li) => li.id));
		const clusterIds = new Set(clusters.map((c) => c.id));
		// The "At a glance" box repeats the bottom line (its clusters marked as copies): count the text.
		for (const link of main.querySelectorAll('.kpe-cite .kpe-cite-link')) {
			expect(refIds).toContain(link.getAttribute('href')!.slice(1));
		}
		for (const li of references) {
			const back = li.querySelectorAll('.kpe-backlinks a');
			expect(back.length, `${li.id} has back-links`).toBeGreaterThan(0);
			for (const a of back) expect(clusterIds).toContain(a.getAttribute('href')!.slice(1));
		}
		// Every place a number is cited (its preview lists it) is linked back to from its entry.
		references.forEach((li, i) => {
			const number = i + 1;
			const citedIn = clusters
				.filter((c) =>
					c
						.querySelectorAll('.kpe-cite-preview-item')
						.some((item) => item.textContent.startsWith(`${number}. `)),
				)
				.map((c) => `#${c.id}`);
			const back = li.querySelectorAll('.kpe-backlinks a').map((a) => a.getAttribute('href'));
			expect(back, `back-links of ${li.id}`).toEqual(citedIn);
		});
	});

	it('gives each citation a short reference for hover and focus, hidden from search excerpts', () => {
		const preview = main.querySelector('.kpe-cite-link .kpe-cite-preview')!;
		expect(preview.getAttribute('data-pagefind-ignore')).toBe('all');
		expect(visibleText(preview)).toMatch(/^\(1\. [A-Z][\w-]+ [A-Z]+ et al\. \d{4}\. .+\)$/);
	});

	it('renders a Vancouver bibliography with DOI and PubMed links', () => {
		const graven = main.querySelector('#ref-gravennielsen2000ketamine')!;
		expect(visibleText(graven.querySelector('.kpe-ref-text'))).toBe(
			'Graven-Nielsen T, Aspegren Kendall S, Henriksson KG, Bengtsson M, Sörensen J, Johnson A, et al. Ketamine reduces muscle pain, temporal summation, and referred pain in fibromyalgia patients. Pain. 2000;85(3):483–91.',
		);
		const hrefs = graven.querySelectorAll('a').map((a) => a.getAttribute('href'));
		expect(hrefs).toContain('https://doi.org/10.1016/S0304-3959(99)00308-5');
		expect(hrefs).toContain('https://pubmed.ncbi.nlm.nih.gov/10781923/');
	});

	it('shows no identifier link for an entry whose DOI/PMID could not be verified', () => {
		const noppers = main.querySelector('#ref-noppers2011absence')!;
		const external = noppers
			.querySelectorAll('a')
			.filter((a) => !a.getAttribute('href')!.startsWith('#'));
		expect(external).toEqual([]);
	});

	it('leaves text in code and e-mail addresses alone', () => {
		for (const code of main.querySelectorAll('code'))
			expect(code.querySelector('.kpe-cite')).toBeNull();
		expect(page.toString()).not.toMatch(/\[@[a-z]/);
	});
});
