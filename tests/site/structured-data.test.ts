/** JSON-LD and Highwire tags as a crawler or Zotero reads them from the built pages. */
import { describe, expect, it } from 'vitest';
import { builtPages, readPage } from '../support/dist.ts';
import { SITE } from '../../src/site/site.ts';

function jsonLd(path: string): Record<string, unknown>[] {
	return readPage(path)
		.querySelectorAll('script[type="application/ld+json"]')
		.map((s) => {
			// A `<` in the raw text could close the element: every one must be escaped.
			expect(s.rawText).not.toMatch(/[<>]/);
			return JSON.parse(s.rawText) as Record<string, unknown>;
		});
}
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const pages = builtPages();
const conditionPages = pages.filter((p) => /^\/conditions\/[^/]+\/$/.test(p));
// Study pages, not the index's sorted views (/studies/by-year/…).
const studyPages = pages.filter(
	(p) => /^\/studies\/[^/]+\/$/.test(p) && !/^\/studies\/by-/.test(p),
);

describe('condition pages', () => {
	it.each(conditionPages)(
		'%s: MedicalWebPage about a MedicalCondition, reviewed on the shown date',
		(path) => {
			const [data, ...rest] = jsonLd(path);
			expect(rest).toEqual([]);
			expect(data).toMatchObject({
				'@context': 'https://schema.org',
				'@type': 'MedicalWebPage',
				url: new URL(path.slice(1), SITE.url).href,
				about: { '@type': 'MedicalCondition' },
			});
			expect(data!.lastReviewed).toMatch(isoDay);
			const shown = readPage(path)
				.querySelectorAll('.kpe-page-meta div')
				.find((d) => d.querySelector('dt')?.textContent === 'Last reviewed')
				?.querySelector('time')
				?.getAttribute('datetime');
			expect(data!.lastReviewed).toBe(shown);
			expect((data!.reviewedBy as unknown[]).length).toBeGreaterThan(0);
		},
	);
});

describe('study pages', () => {
	it.each(studyPages)('%s: ScholarlyArticle and Highwire tags agree with the reference', (path) => {
		const [data] = jsonLd(path);
		expect(data).toMatchObject({
			'@type': 'ScholarlyArticle',
			url: new URL(path.slice(1), SITE.url).href,
		});
		const page = readPage(path);
		const meta = (name: string) =>
			page.querySelectorAll(`meta[name="${name}"]`).map((m) => m.getAttribute('content'));
		expect(meta('citation_title')).toEqual([data!.name]);
		if (data!.datePublished) {
			expect(String(data!.datePublished)).toMatch(/^\d{4}$/);
			expect(meta('citation_publication_date')[0]).toMatch(new RegExp(`^${data!.datePublished}`));
		}
		expect(meta('citation_author').length).toBe(((data!.author as unknown[]) ?? []).length);
		const doi = meta('citation_doi')[0];
		if (doi) expect(data!.sameAs).toBe(`https://doi.org/${doi}`);
		// Unverified studies show no identifier anywhere.
		if (page.querySelector('.kpe-unverified')) {
			expect(doi).toBeUndefined();
			expect(data!.identifier).toBeUndefined();
		}
	});
});
