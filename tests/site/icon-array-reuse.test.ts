/**
 * A page that shows the same "out of 100 people" grid twice (its key picture in the plain layer and
 * again in the clinician layer) draws it once: the later grid is a `<use>` of the earlier one. Each
 * such reference must point at a grid drawn earlier on the same page with the same count, or the
 * picture would be blank or wrong.
 */
import { describe, expect, it } from 'vitest';
import { builtPages, readPage, visibleText } from '../support/dist.ts';

const pages = builtPages().map((path) => ({ path, page: readPage(path) }));
const withReuse = pages.filter(({ page }) => page.querySelector('svg.kpe-icon-grid > use'));

/** "76 of 100": what a grid's visible label says it shows. */
const countOf = (page: ReturnType<typeof readPage>, grid: ReturnType<typeof readPage>) =>
	/^\d+ of 100/.exec(
		visibleText(page.querySelector(`#${grid.getAttribute('aria-labelledby')}`)),
	)?.[0];

describe('"out of 100 people" grids drawn once a page', () => {
	it('are reused on the condition pages that show a picture twice', () => {
		expect(withReuse.map((p) => p.path)).toEqual(
			expect.arrayContaining(['/conditions/crps/', '/conditions/neuropathic-pain/']),
		);
	});

	it.each(withReuse.map(({ path, page }) => [path, page] as const))(
		'%s: every reused grid points at a grid drawn earlier with the same count',
		(_, page) => {
			const grids = page.querySelectorAll('svg.kpe-icon-grid');
			for (const [i, grid] of grids.entries()) {
				const use = grid.querySelector(':scope > use');
				if (!use) {
					expect(grid.querySelectorAll(':scope > path').length).toBeGreaterThan(0);
					continue;
				}
				expect(grid.querySelectorAll(':scope > *')).toHaveLength(1);
				const target = use.getAttribute('href')!.slice(1);
				const drawn = grids.findIndex((g) => g.id === target);
				expect(drawn, target).toBeGreaterThanOrEqual(0);
				expect(drawn).toBeLessThan(i);
				expect(grids[drawn]!.querySelector(':scope > use')).toBeNull();
				expect(countOf(page, grid)).toBe(countOf(page, grids[drawn]!));
			}
		},
	);
});
