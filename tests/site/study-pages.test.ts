import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { builtPages, readPage, visibleText, referenceKey } from '../support/dist.ts';

const bibKeys = readdirSync('references')
	.filter((f) => f.endsWith('.bib'))
	.flatMap((f) =>
		[...readFileSync(`references/${f}`, 'utf8').matchAll(/^@\w+\{([^,\s]+),/gm)].map((m) => m[1]!),
	);

describe('study pages', () => {
	const pages = builtPages();

	it('every library entry has a page, and the index lists them all', () => {
		for (const key of bibKeys) expect(pages).toContain(`/studies/${key}/`);
		const rows = readPage('/studies/').querySelectorAll('tbody tr');
		expect(rows.map((r) => r.getAttribute('data-key')).sort()).toEqual([...bibKeys].sort());
	});

	it('shows the full reference with DOI and PubMed links', () => {
		const page = readPage('/studies/gravennielsen2000ketamine/');
		const hrefs = page
			.querySelectorAll('.kpe-study-reference a')
			.map((a) => a.getAttribute('href'));
		expect(hrefs).toEqual([
			'https://doi.org/10.1016/S0304-3959(99)00308-5',
			'https://pubmed.ncbi.nlm.nih.gov/10781923/',
		]);
		expect(visibleText(page.querySelector('.kpe-study-facts'))).toContain(
			'Racemic ketamine 0.3 mg/kg',
		);
	});

	it('links no identifier for an unverified study, and says why', () => {
		const page = readPage('/studies/noppers2011absence/');
		expect(page.querySelectorAll('.kpe-study-reference a')).toEqual([]);
		expect(visibleText(page.querySelector('main'))).toContain(
			'No DOI or PubMed ID could be confirmed',
		);
	});

	it('lists every page whose bibliography holds the study', () => {
		const citing = new Map<string, Set<string>>();
		for (const path of pages.filter((p) => !p.startsWith('/studies/'))) {
			for (const li of readPage(path).querySelectorAll('ol.kpe-references > li')) {
				const key = referenceKey(li);
				citing.set(key, (citing.get(key) ?? new Set()).add(path));
			}
		}
		for (const [key, paths] of citing) {
			const listed = readPage(`/studies/${key}/`)
				.querySelectorAll('main ul a')
				.filter((a) => !a.closest('.kpe-study-reading'))
				.map((a) => a.getAttribute('href'));
			expect(new Set(listed), key).toEqual(paths);
		}
	});

	it("leads with the site's reading, above the paper's own title, which is quoted at body size", () => {
		const page = readPage('/studies/sigtermans2009ketamine/');
		const content = page.querySelector('main .sl-markdown-content')!;
		// The heading is the study's label, not the paper's claim.
		expect(visibleText(page.querySelector('h1'))).toBe('Sigtermans 2009');
		const box = content.querySelector('.kpe-study-reading')!;
		const text = visibleText(box);
		for (const label of ['Design', 'People', 'What was found', 'How sure', 'Cited on'])
			expect(text, label).toContain(label);
		expect(text).toContain('60 people with CRPS');
		expect(text).toContain('P=0.07');
		expect(box.querySelector('.kpe-certainty-very-low'), 'the CRPS page grades it').not.toBeNull();
		const order = content.childNodes
			.filter((n) => n.nodeType === 1)
			.map((el) => ((el as typeof box).getAttribute('class') ?? '').split(/\s+/));
		const at = (name: string) => order.findIndex((classes) => classes.includes(name));
		expect(at('kpe-study-reading')).toBeGreaterThanOrEqual(0);
		expect(at('kpe-study-reading')).toBeLessThan(at('kpe-study-title'));
		expect(visibleText(content.querySelector('.kpe-study-title q'))).toMatch(
			/^Ketamine produces effective and long-term pain relief/,
		);
	});
});
