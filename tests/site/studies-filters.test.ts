/** The studies index views: every count matches the library, and the views add up. */
import { describe, expect, it } from 'vitest';
import { builtPages, readPage } from '../support/dist.ts';
import { checkProject } from '../../src/engine/check/check-project.ts';

const evidence = checkProject({ root: process.cwd() });
const total = evidence.library.entries.size;
const factsOf = (key: string) => evidence.facts.byKey.get(key)?.facts;
const pages = builtPages();
const rows = (path: string) =>
	readPage(path)
		.querySelectorAll('.kpe-studies tbody tr')
		.map((tr) => tr.getAttribute('data-key')!);
const views = (kind: string) => pages.filter((p) => p.startsWith(`/studies/${kind}/`));

describe('studies index views', () => {
	it('the full list, in each order, holds every library entry once', () => {
		for (const path of ['/studies/', '/studies/by-year/', '/studies/by-size/']) {
			const keys = rows(path);
			expect(keys).toHaveLength(total);
			expect(new Set(keys)).toEqual(new Set(evidence.library.entries.keys()));
		}
	});

	it('design views split the library exactly: their counts add up to the total', () => {
		const designViews = views('design');
		expect(designViews.length).toBeGreaterThan(3);
		const counts = designViews.map((p) => rows(p).length);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
		for (const path of designViews) {
			const design = path.split('/')[3];
			for (const key of rows(path)) expect(factsOf(key)?.design ?? 'not-recorded').toBe(design);
		}
	});

	it('condition views hold exactly the studies of that condition, and together cover the library', () => {
		const seen = new Set<string>();
		for (const path of views('condition')) {
			const condition = path.split('/')[3]!;
			const keys = rows(path);
			const want = [...evidence.library.entries.keys()].filter((k) => {
				const c = factsOf(k)?.conditions ?? [];
				return condition === 'none' ? c.length === 0 : c.includes(condition as never);
			});
			expect(new Set(keys)).toEqual(new Set(want));
			keys.forEach((k) => seen.add(k));
		}
		expect(seen.size).toBe(total);
	});

	it('the counts shown in the filter links equal the rows of each view', () => {
		const nav = readPage('/studies/').querySelectorAll('.kpe-study-filters li');
		expect(nav.length).toBe(views('condition').length + views('design').length);
		for (const li of nav) {
			const href = li.querySelector('a')!.getAttribute('href')!;
			const shown = Number(/\((\d+)\)/.exec(li.textContent)![1]);
			expect(shown).toBe(rows(href).length);
		}
	});

	it('sorts by year (newest first) and by size (largest first)', () => {
		const years = rows('/studies/by-year/').map((k) =>
			Number(evidence.library.entries.get(k)!.csl.issued?.['date-parts']?.[0]?.[0] ?? 0),
		);
		expect(years).toEqual([...years].sort((a, b) => b - a));
		const sizes = rows('/studies/by-size/').map((k) => factsOf(k)?.n ?? -1);
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
	});
});
