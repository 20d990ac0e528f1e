/** The evidence map: one row per graded outcome of every condition page, linked to its summary-of-findings row. */
import { describe, expect, it } from 'vitest';
import { builtPages, readPage, visibleText } from '../support/dist.ts';

const map = readPage('/evidence-map/');
const conditionPages = builtPages().filter((p) => /^\/conditions\/[^/]+\/$/.test(p));

describe('evidence map', () => {
	const rows = map.querySelectorAll('table.kpe-evidence-map tbody tr');
	const linked = rows.filter((tr) => tr.querySelector('td a'));

	it('has every condition, and one row per outcome of its summary of findings', () => {
		let outcomes = 0;
		for (const path of conditionPages) {
			const sofRows = readPage(path).querySelectorAll('tr[id^="outcome-"]');
			outcomes += sofRows.length;
			const condition = path.split('/')[2];
			expect(rows.filter((tr) => tr.getAttribute('data-condition') === condition).length).toBe(
				Math.max(1, sofRows.length),
			);
		}
		expect(linked.length).toBe(outcomes);
	});

	it('each cell counts the studies of the row it links to and shows the same certainty', () => {
		for (const tr of linked) {
			const href = tr.querySelector('td a')!.getAttribute('href')!;
			const [path, id] = href.split('#');
			const sofRow = readPage(path!).querySelector(`tr[id="${id}"]`);
			expect(sofRow, href).not.toBeNull();
			expect(visibleText(sofRow!.querySelector('th'))).toBe(visibleText(tr.querySelector('td a')));
			const studies = tr.querySelector('td[data-studies]')!.getAttribute('data-studies');
			expect(visibleText(sofRow!.querySelectorAll('td')[0])).toMatch(
				new RegExp(`^${studies} stud`),
			);
			expect(visibleText(tr.querySelector('.kpe-certainty'))).toBe(
				visibleText(sofRow!.querySelector('.kpe-certainty')),
			);
		}
	});

	it.each(['wide', 'compact'])(
		'draws the same cells in the %s SVG beside the table, each linking to the same row',
		(layout) => {
			const svg = map.querySelector(`.kpe-evidence-map-svg svg[data-layout="${layout}"]`);
			const id = `evidence-map-svg-title-${layout}`;
			// Named by its <title>; no role="img", since its cells are links (axe: nested-interactive).
			expect(svg?.getAttribute('aria-labelledby')).toBe(id);
			expect(svg!.querySelector(`title#${id}`)).not.toBeNull();
			const cells = svg!.querySelectorAll('a').filter((a) => a.querySelector('rect'));
			expect(cells.map((a) => a.getAttribute('href'))).toEqual(
				linked.map((tr) => tr.querySelector('td a')!.getAttribute('href')),
			);
			expect(svg!.toString()).not.toMatch(/\sstyle=|<script/);
		},
	);
});
