/**
 * Every page says when it was last reviewed, and a study page's heading shows the
 * study's whole title while the browser tab's title stays short.
 */
import { describe, expect, it } from 'vitest';
import { builtPages, readPage, visibleText } from '../support/dist.ts';

/** The date in the page's "Last reviewed" row, as written in `<time datetime>`. */
function lastReviewed(path: string): string | undefined {
	return readPage(path)
		.querySelectorAll('.kpe-page-meta > div')
		.find((row) => visibleText(row.querySelector('dt')) === 'Last reviewed')
		?.querySelector('dd time')
		?.getAttribute('datetime');
}

/** Which kind of page a path is: every kind must be present, so a renamed one cannot slip out. */
function kindOf(path: string): string {
	if (path === '/') return 'home';
	if (/^\/studies\/[^/]+\/$/.test(path) && !/^\/studies\/by-/.test(path)) return 'study';
	if (path.startsWith('/studies/')) return 'studies index';
	return path.split('/')[1]!;
}

describe('last reviewed', () => {
	// Starlight's own 404 page has nothing to review.
	const pages = builtPages().filter((p) => p !== '/404');

	it('shows a review date on every built page', () => {
		const missing = pages.filter((p) => !/^\d{4}-\d{2}-\d{2}$/.test(lastReviewed(p) ?? ''));
		expect(missing).toEqual([]);
	});

	it('covers every kind of page', () => {
		expect(new Set(pages.map(kindOf))).toEqual(
			new Set([
				'home',
				'about',
				'claims',
				'conditions',
				'topics',
				'glossary',
				'study',
				'studies index',
				'evidence-map',
				'changelog',
			]),
		);
	});

	it('dates the pages the plugin makes from the editors’ frontmatter', () => {
		// Study pages: the day the library was last searched (condition pages' searchDate).
		const searched = readPage('/conditions/crps/')
			.querySelectorAll('.kpe-page-meta > div')
			.find((row) => visibleText(row.querySelector('dt')) === 'Evidence searched')
			?.querySelector('time')
			?.getAttribute('datetime');
		expect(lastReviewed('/studies/cohen2018consensus/')).toBe(searched);
		expect(lastReviewed('/studies/')).toBe(searched);
		// The evidence map: the condition pages' newest review.
		expect(lastReviewed('/evidence-map/')).toBe(lastReviewed('/conditions/crps/'));
	});
});

describe('study page headings', () => {
	const studies = builtPages().filter(
		(p) => /^\/studies\/[^/]+\/$/.test(p) && readPage(p).querySelector('.kpe-study-reference'),
	);

	it("show the study's label as the heading and the paper's whole title, quoted, as the reference gives it", () => {
		expect(studies.length).toBeGreaterThan(50);
		for (const path of studies) {
			const page = readPage(path);
			expect(visibleText(page.querySelector('main h1')), path).toMatch(
				/^\S.* (\d{4}[a-z]?|n\.d\.)$/,
			);
			const title = visibleText(page.querySelector('.kpe-study-title q'));
			expect(title, path).not.toContain('…');
			// The reference holds the title; the quote repeats it whole.
			expect(visibleText(page.querySelector('.kpe-study-reference')), path).toContain(
				title.replace(/[.?!]$/, ''),
			);
		}
	});

	it('keep the browser tab title short', () => {
		const longest = studies
			.map((path) => visibleText(readPage(path).querySelector('.kpe-study-title q')))
			.sort((a, b) => b.length - a.length)[0]!;
		expect(longest.length).toBeGreaterThan(100);
		for (const path of studies) {
			const tab = visibleText(readPage(path).querySelector('title'));
			expect(tab.replace(/ \| Ketamine Pain Evidence$/, '').length, path).toBeLessThanOrEqual(101);
		}
	});
});
