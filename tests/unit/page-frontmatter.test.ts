import { describe, expect, it } from 'vitest';
import { pageFrontmatterSchema } from '../../src/engine/read/page-frontmatter.ts';
import { pageMetaRows } from '../../src/site/page-meta.ts';

/** Condition and topic pages must open with an "At a glance" box. */
const glance = {
	answer: 'We do not know if this drug helps the pain.',
	certainty: 'very-low',
	harm: 'Long drips can harm the liver.',
	sources: ['noppers2011drug'],
};

describe('page frontmatter schema', () => {
	it('accepts a condition page with one condition and review dates', () => {
		const data = pageFrontmatterSchema.parse({
			pageType: 'condition',
			glance,
			conditions: ['crps'],
			lastReviewed: '2026-11-25',
			nextReview: '2027-11-25',
			searchDate: '2026-11-24',
		});
		expect(data.conditions).toEqual(['crps']);
		expect(data.lastReviewed).toEqual(new Date('2026-11-25'));
	});

	it('rejects an unknown condition, naming the field', () => {
		const result = pageFrontmatterSchema.safeParse({ conditions: ['gout'] });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(['conditions', 0]);
	});

	it('rejects a condition page without exactly one condition', () => {
		const result = pageFrontmatterSchema.safeParse({ pageType: 'condition', conditions: [] });
		expect(result.error?.issues[0]?.message).toMatch(/exactly one condition/);
	});

	it('rejects a next review more than three years after the last one', () => {
		const result = pageFrontmatterSchema.safeParse({
			lastReviewed: '2026-01-01',
			nextReview: '2030-01-01',
		});
		expect(result.error?.issues[0]?.path).toEqual(['nextReview']);
	});

	it('rejects a next review before the last one', () => {
		const result = pageFrontmatterSchema.safeParse({
			lastReviewed: '2026-01-01',
			nextReview: '2025-01-01',
		});
		expect(result.error?.issues[0]?.message).toMatch(/after `lastReviewed`/);
	});
});

describe('search date and dated updates', () => {
	const condition = {
		pageType: 'condition',
		glance,
		conditions: ['crps'],
		lastReviewed: '2026-12-01',
		nextReview: '2027-12-01',
		searchDate: '2026-12-01',
	};

	it('accepts dated updates, newest first, as date + plain summary', () => {
		const data = pageFrontmatterSchema.parse({
			...condition,
			updates: [
				{ date: '2026-12-01', summary: 'Weighed the 2025 Cochrane review.' },
				{ date: '2026-11-25', summary: 'First published.' },
			],
		});
		expect(data.updates).toEqual([
			{ date: new Date('2026-12-01'), summary: 'Weighed the 2025 Cochrane review.' },
			{ date: new Date('2026-11-25'), summary: 'First published.' },
		]);
		expect(data.searchDate).toEqual(new Date('2026-12-01'));
	});

	it('defaults updates to an empty list', () => {
		expect(pageFrontmatterSchema.parse(condition).updates).toEqual([]);
	});

	it('requires a search date on condition and topic pages, not on about pages', () => {
		const { searchDate: _, ...rest } = condition;
		const result = pageFrontmatterSchema.safeParse(rest);
		expect(result.error?.issues[0]?.path).toEqual(['searchDate']);
		expect(pageFrontmatterSchema.safeParse({ pageType: 'about' }).success).toBe(true);
		expect(pageFrontmatterSchema.safeParse({ pageType: 'topic' }).error?.issues[0]?.path).toEqual([
			'searchDate',
		]);
	});

	it('rejects updates out of order, naming the entry', () => {
		const result = pageFrontmatterSchema.safeParse({
			...condition,
			updates: [
				{ date: '2026-11-25', summary: 'First published.' },
				{ date: '2026-12-01', summary: 'Weighed the 2025 Cochrane review.' },
			],
		});
		expect(result.error?.issues[0]?.path).toEqual(['updates', 1, 'date']);
		expect(result.error?.issues[0]?.message).toMatch(/newest first/);
	});

	it('rejects an update dated after the last review', () => {
		const result = pageFrontmatterSchema.safeParse({
			...condition,
			lastReviewed: '2026-11-25',
			updates: [{ date: '2026-12-01', summary: 'Weighed the 2025 Cochrane review.' }],
		});
		expect(result.error?.issues[0]?.message).toMatch(/lastReviewed/);
	});

	it('rejects markup in a summary and unknown fields in an entry', () => {
		for (const update of [
			{ date: '2026-12-01', summary: 'See [@ferraro2025ketamine] for details.' },
			{ date: '2026-12-01', summary: 'A <b>bold</b> change to the page.' },
			{ date: '2026-12-01', summary: 'Plain summary of the change.', author: 'x' },
			{ date: 'someday', summary: 'Plain summary of the change.' },
		]) {
			const result = pageFrontmatterSchema.safeParse({ ...condition, updates: [update] });
			expect(result.success, JSON.stringify(update)).toBe(false);
			expect(result.error?.issues[0]?.path.slice(0, 2)).toEqual(['updates', 0]);
		}
	});
});

describe('page meta rows', () => {
	it('shows the search date when set, and says so when it is not', () => {
		expect(pageMetaRows({ searchDate: new Date('2026-12-01') })).toEqual([
			{ label: 'Evidence searched', date: new Date('2026-12-01') },
		]);
		expect(pageMetaRows({})).toEqual([{ label: 'Evidence searched', text: 'date not recorded' }]);
	});

	it('lists dates, then people, in reading order', () => {
		const rows = pageMetaRows({
			lastReviewed: new Date('2026-12-01'),
			nextReview: new Date('2027-12-01'),
			searchDate: new Date('2026-12-01'),
			authors: ['A', 'B'],
			reviewers: [],
		});
		expect(rows.map((r) => r.label)).toEqual([
			'Last reviewed',
			'Next review',
			'Evidence searched',
			'Written by',
		]);
		expect(rows[3]?.text).toBe('A, B');
	});
});

describe('page frontmatter dates', () => {
	it.each(['01.12.2026', '2026-02-30', '2026-13-01', '2026-1-5'])(
		'refuses %s, which is not a real YYYY-MM-DD day',
		(date) => {
			expect(pageFrontmatterSchema.safeParse({ lastReviewed: date }).success).toBe(false);
		},
	);
	it('reads 2024-02-29 (a leap day) as that day', () => {
		const data = pageFrontmatterSchema.parse({ lastReviewed: '2024-02-29' });
		expect(data.lastReviewed?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
	});
});

describe('the "At a glance" box', () => {
	it('is required on condition pages, with its answer, certainty and harm', () => {
		const result = pageFrontmatterSchema.safeParse({ pageType: 'condition', conditions: ['crps'] });
		expect(result.error?.issues.map((i) => i.path)).toContainEqual(['glance']);
	});
});
