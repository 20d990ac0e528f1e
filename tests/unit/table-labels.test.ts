import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { labelTableCells } from '../../src/lib/table-labels.ts';

const TABLE =
	'<div class="kpe-table-scroll"><table class="kpe-table" id="t"><caption>Cap</caption>' +
	'<thead><tr><th scope="col">Outcome</th><th scope="col">Studies (people)</th><th scope="col">Effect &amp; size</th></tr></thead>' +
	'<tbody><tr><th scope="row">Pain</th><td>2 studies</td><td>May reduce <span class="kpe-cite"><a href="#ref-a">1</a></span></td></tr>' +
	'<tr><th scope="row">Mood</th><td>1 study</td><td><span class="kpe-nr">Not reported</span></td></tr></tbody></table></div>';

describe('labelTableCells', () => {
	it('labels every body cell with its column heading and keeps the content', () => {
		const out = parse(labelTableCells(TABLE));
		const rows = out.querySelectorAll('tbody tr');
		expect(
			rows.map((r) => r.querySelectorAll('th, td').map((c) => c.getAttribute('data-label'))),
		).toEqual([
			['Outcome', 'Studies (people)', 'Effect & size'],
			['Outcome', 'Studies (people)', 'Effect & size'],
		]);
		expect(out.querySelector('tbody td:nth-child(3) a')?.getAttribute('href')).toBe('#ref-a');
		expect(out.querySelector('table')?.textContent).toBe(
			parse(TABLE).querySelector('table')?.textContent,
		);
	});

	it('gives each table part its ARIA role, so a reflowed table stays a table for screen readers', () => {
		const out = parse(labelTableCells(TABLE));
		expect(out.querySelector('table')?.getAttribute('role')).toBe('table');
		expect(out.querySelectorAll('[role="rowgroup"]')).toHaveLength(2);
		expect(out.querySelectorAll('[role="row"]')).toHaveLength(3);
		expect(out.querySelectorAll('[role="columnheader"]')).toHaveLength(3);
		expect(out.querySelectorAll('[role="rowheader"]')).toHaveLength(2);
		expect(out.querySelectorAll('[role="cell"]')).toHaveLength(4);
		expect(out.querySelector('table')?.hasAttribute('data-reflow')).toBe(true);
	});

	it('escapes the label and leaves other tables and attributes alone', () => {
		const quoted = TABLE.replace('Outcome</th>', 'The "outcome" &lt;b&gt;</th>');
		expect(labelTableCells(quoted)).toContain('data-label="The &quot;outcome&quot; &lt;b>"');
		const plain =
			'<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>';
		expect(labelTableCells(plain)).toBe(plain);
		const already = TABLE.replace('<td>2 studies', '<td role="cell" data-label="Mine">2 studies');
		expect(labelTableCells(already)).toContain('<td role="cell" data-label="Mine">2 studies');
	});
});

describe('footnote marks of the summary of findings', () => {
	it('are letters, never numbers like citations', async () => {
		const { noteLetter } = await import('../../src/lib/evidence/tables.ts');
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
});
