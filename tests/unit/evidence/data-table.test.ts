/**
 * The generated tables as built: every body cell carries its column heading (`data-label`, which
 * the phone layout shows beside the cell) and each table part its ARIA role, from the builder itself.
 */
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
	dataTable,
	noteLetter,
	renderSummaryOfFindings,
} from '../../../src/engine/render/tables.ts';
import type { StudyFacts } from '../../../src/engine/read/facts-schema.ts';
import type { Outcome } from '../../../src/engine/read/page-frontmatter.ts';

const outcome = (name: string, certainty: Outcome['certainty']): Outcome =>
	({
		outcome: name,
		effect: 'May reduce pain',
		certainty,
		studies: ['a'],
		downgrades: [{ reason: 'imprecision', levels: 1, note: 'Few people' }],
		upgrades: [],
	}) as Outcome;
const facts = { n: 20 } as StudyFacts;
const cite = h('span.kpe-cite', [h('a', { href: '#ref-a' }, '1')]);

const sof = () =>
	parse(
		toHtml(
			renderSummaryOfFindings('sof', 'Summary', [
				{ outcome: outcome('Pain', 'low'), studies: [{ facts }], cite },
				{ outcome: outcome('Mood', 'very-low'), studies: [{ facts }, { facts }], cite },
			]),
		),
	);

describe('the table builders', () => {
	/** The summary-of-findings headings, written out here as readers see them. */
	const SOF_COLUMNS = [
		'Outcome',
		'Studies (people)',
		'Risk with placebo or comparator',
		'Risk with ketamine',
		'Difference per 1,000',
		'Effect',
		'Certainty',
	];

	it('label every body cell with its column heading and keep the content', () => {
		const out = sof();
		const rows = out.querySelectorAll('tbody tr');
		// A row without counts says so once, in a cell across the three absolute-effect columns,
		// labelled with all three (the phone layout shows the label beside the cell).
		const notCounted = SOF_COLUMNS.slice(2, 5).join(' · ');
		const withoutCounts = [...SOF_COLUMNS.slice(0, 2), notCounted, ...SOF_COLUMNS.slice(5)];
		expect(
			rows.map((r) => r.querySelectorAll('th, td').map((c) => c.getAttribute('data-label'))),
		).toEqual([withoutCounts, withoutCounts]);
		expect(out.querySelector('tbody td:nth-child(4) a')?.getAttribute('href')).toBe('#ref-a');
		const cell = out.querySelector('tbody td:nth-child(3)');
		expect(cell?.textContent).toBe('Not reported as counts');
		expect(cell?.getAttribute('colspan')).toBe('3');
		expect(out.querySelector('tbody tr')?.textContent).toContain('1 study (20)');
	});

	it('give each table part its ARIA role, so a reflowed table stays a table for screen readers', () => {
		const out = sof();
		expect(out.querySelector('table')?.getAttribute('role')).toBe('table');
		expect(out.querySelectorAll('[role="rowgroup"]')).toHaveLength(2);
		expect(out.querySelectorAll('[role="row"]')).toHaveLength(3);
		expect(out.querySelectorAll('[role="columnheader"]')).toHaveLength(7);
		expect(out.querySelectorAll('[role="rowheader"]')).toHaveLength(2);
		expect(out.querySelectorAll('[role="cell"]')).toHaveLength(8);
		expect(out.querySelector('table')?.hasAttribute('data-reflow')).toBe(true);
	});

	it('escape a heading in the label, as text', () => {
		const html = toHtml(
			dataTable({
				id: 't',
				caption: 'Cap',
				kind: 'x',
				columns: ['The "outcome" <b>'],
				rows: [{ cells: [{ children: ['1'] }] }],
			}),
		);
		expect(html).toContain('data-label="The &#x22;outcome&#x22; <b>"');
		expect(parse(html).querySelector('td')?.getAttribute('data-label')).toBe('The "outcome" <b>');
	});
});

describe('footnote marks of the summary of findings', () => {
	it('are letters, never numbers like citations', () => {
		expect([1, 2, 26, 27, 28, 52, 53].map(noteLetter)).toEqual([
			'a',
			'b',
			'z',
			'aa',
			'ab',
			'az',
			'ba',
		]);
	});

	it('name the reason and link to their note and back', () => {
		const out = sof();
		const mark = out.querySelector('a.kpe-sof-mark');
		expect(mark?.getAttribute('aria-label')).toBe('Reason rated down: imprecision (note a)');
		expect(mark?.getAttribute('href')).toBe('#sof-note-1');
		expect(out.querySelector('#sof-note-1')?.textContent).toBe(
			'Imprecision (rated down one level): Few people ↩',
		);
	});
});
