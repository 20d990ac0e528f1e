/** The screeners' files: the CSV read back by a CSV parser, and the Markdown report's order and marks. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
	CSV_COLUMNS,
	candidatesCsv,
	escapeMarkdown,
	highlight,
	markdownReport,
} from '../../../src/watch/report.ts';
import type { FoundRecord, RunRecord } from '../../../src/watch/schema.ts';

const rec = (over: Partial<FoundRecord>): FoundRecord => ({
	id: 'pmid:99000001',
	title: 'A title',
	abstract: '',
	kind: 'other',
	types: [],
	sources: ['pubmed'],
	pages: ['conditions/fibromyalgia'],
	...over,
});

const run: RunRecord = {
	version: 1,
	id: '2026-12-08T060000Z',
	startedAt: '2026-12-08T06:00:00.000Z',
	finishedAt: '2026-12-08T06:00:03.000Z',
	durationMs: 3000,
	fixtures: true,
	requests: { pubmed: 3 },
	protocols: [
		{
			page: 'conditions/fibromyalgia',
			window: { from: '2026-12-01', to: '2026-12-08' },
			identified: { pubmed: 3, europepmc: 0 },
			records: ['pmid:99000001', 'pmid:99000002', 'pmid:99000003', 'pmid:19604642'],
			trials: [],
		},
	],
	records: [
		rec({ id: 'pmid:99000001', pmid: '99000001', title: 'Ketamine, a case series', kind: 'other' }),
		rec({
			id: 'pmid:99000002',
			pmid: '99000002',
			title: 'Oral ketamine vs placebo in fibromyalgia: a "randomized", double-blind trial',
			abstract: 'Line one, with a comma.\nLine two with "quotes".',
			kind: 'randomised-trial',
		}),
		rec({
			id: 'pmid:99000003',
			pmid: '99000003',
			title: 'NMDA antagonists: a systematic review',
			kind: 'review',
		}),
		rec({
			id: 'pmid:19604642',
			pmid: '19604642',
			duplicateOf: { of: 'library', key: 'sigtermans2009ketamine', by: 'pmid' },
		}),
	],
	retractions: [
		{
			key: 'somestudy2001',
			source: 'crossref',
			type: 'retraction',
			notice: '10.5555/notice',
			date: '2027-01-05',
		},
	],
};

describe('candidates.csv', () => {
	it('reads back, quotes and line breaks intact, with the columns ASReview expects', () => {
		const csv = candidatesCsv(run);
		const rows = parse(csv, { columns: true }) as Record<string, string>[];
		expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
		expect(CSV_COLUMNS.slice(0, 7)).toEqual([
			'title',
			'abstract',
			'doi',
			'pmid',
			'nct',
			'condition',
			'included',
		]);
		// New records only: the library's study is left out.
		expect(rows.map((r) => r.record_id)).toEqual([
			'pmid:99000001',
			'pmid:99000002',
			'pmid:99000003',
		]);
		expect(rows[1]).toMatchObject({
			title: 'Oral ketamine vs placebo in fibromyalgia: a "randomized", double-blind trial',
			abstract: 'Line one, with a comma.\nLine two with "quotes".',
			pmid: '99000002',
			condition: 'fibromyalgia',
			included: '',
		});
	});
});

describe('report.md', () => {
	const report = markdownReport(run, []);

	it('lists randomised trials, then reviews, then other records', () => {
		const order = ['### Randomised trials', '### Systematic reviews', '### Other records'].map(
			(h) => report.indexOf(h),
		);
		expect(order.every((i) => i > 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	it('bolds the words that matter and escapes Markdown in titles', () => {
		expect(report).toContain(
			'Oral **ketamine** vs **placebo** in **fibromyalgia**: a "**randomized**", double-blind trial',
		);
		expect(highlight('Esketamine [for] *pain*', [])).toBe('**Esketamine** \\[for\\] \\*pain\\*');
		expect(escapeMarkdown('a|b_c')).toBe('a\\|b\\_c');
	});

	it('lists known records apart, and retractions with the YAML to add', () => {
		expect(report).toContain(
			'`pmid:19604642`: in the library as `sigtermans2009ketamine` (matched by pmid)',
		);
		expect(report).toContain('**somestudy2001**: retraction (crossref, 2027-01-05)');
		expect(report).toContain('retraction: { type: retraction, date: YYYY-MM-DD, source: crossref');
	});
});
