/**
 * Every generated table in the built site reflows on a phone with labelled cells: the table builders
 * (and the two component tables) set each body cell's column as `data-label` when they build it.
 */
import { describe, expect, it } from 'vitest';
import { builtPages, readPage, visibleText } from '../support/dist.ts';

const tables = builtPages().flatMap((path) =>
	readPage(path)
		.querySelectorAll('main table.kpe-table')
		.map((table) => ({ path, table })),
);

describe('generated tables in the built site', () => {
	it('include the summary-of-findings, evidence, protocol, claims, studies and evidence-map tables', () => {
		const kinds = new Set(tables.flatMap(({ table }) => table.parentNode!.classNames.split(/\s+/)));
		for (const kind of [
			'kpe-sof-table',
			'kpe-evidence',
			'kpe-protocol',
			'kpe-claims-table',
			'kpe-studies',
			'kpe-evidence-map-scroll',
		])
			expect(kinds, kind).toContain(kind);
	});

	it.each(
		tables.map(
			({ path, table }) =>
				[`${path} ${table.id || table.querySelector('caption')?.id}`, table] as const,
		),
	)('%s: every body cell names its column and the table keeps its roles', (_, table) => {
		expect(table.getAttribute('role')).toBe('table');
		expect(table.hasAttribute('data-reflow')).toBe(true);
		const columns = table.querySelectorAll('thead th').map((th) => visibleText(th));
		for (const row of table.querySelectorAll('tbody tr'))
			for (const cell of row.querySelectorAll('th, td')) {
				// A cell across the three absolute-effect columns (a summary-of-findings row without
				// counts) names each of them.
				const labels = cell.getAttribute('data-label')!.split(' · ');
				if (labels.length > 1) expect(cell.getAttribute('colspan')).toBe(String(labels.length));
				for (const label of labels) expect(columns, cell.outerHTML.slice(0, 80)).toContain(label);
				expect(cell.getAttribute('role')).toMatch(/^(cell|rowheader)$/);
			}
	});

	it('label a row in a run of the evidence map by its own columns (no shift after a spanning cell)', () => {
		const map = readPage('/evidence-map/').querySelector('table.kpe-evidence-map')!;
		const spanned = map.querySelectorAll('tbody tr').find((tr) => !tr.querySelector('th'))!;
		expect(spanned.querySelectorAll('td').map((td) => td.getAttribute('data-label'))).toEqual([
			'Outcome',
			'Studies (people)',
			'Certainty',
		]);
	});
});
