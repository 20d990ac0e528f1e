import { describe, expect, it } from 'vitest';
import { overdueReviews, overdueWarning, siteUpdates } from '../../src/site/updates.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('site updates', () => {
	it('lists every update newest first, with ids unique across pages', () => {
		const updates = siteUpdates([
			{
				path: '/conditions/crps/',
				title: 'CRPS',
				updates: [
					{ date: d('2026-01-02'), summary: 'a' },
					{ date: d('2026-01-02'), summary: 'b' },
				],
			},
			{ path: '/', title: 'Home', updates: [{ date: d('2026-03-01'), summary: 'c' }] },
		]);
		expect(updates.map((u) => u.summary)).toEqual(['c', 'a', 'b']);
		expect(updates.map((u) => u.id)).toEqual([
			'home-2026-03-01-1',
			'conditions-crps-2026-01-02-1',
			'conditions-crps-2026-01-02-2',
		]);
	});
	it('finds pages past their review date and names the file and the fix', () => {
		const pages = [
			{ path: '/a/', title: 'A', file: 'content/a.mdx', updates: [], nextReview: d('2026-01-01') },
			{ path: '/b/', title: 'B', updates: [], nextReview: d('2027-01-01') },
			{ path: '/c/', title: 'C', updates: [] },
		];
		const overdue = overdueReviews(pages, d('2026-06-01'));
		expect(overdue.map((p) => p.title)).toEqual(['A']);
		expect(overdueWarning(overdue[0]!, d('2026-06-01'))).toMatch(
			/^content\/a\.mdx: review overdue: nextReview 2026-01-01 .* Fix:/,
		);
	});
});

import { jsonForScript, conditionPageJsonLd } from '../../src/engine/render/structured-data.ts';

describe('JSON-LD escaping', () => {
	it('no field can close the script element or start markup, and the JSON reads back unchanged', () => {
		const data = conditionPageJsonLd({
			url: 'https://example.org/x/',
			title: '</script><script>alert(1)</script> & \u2028',
			description: '<!-- x -->',
			condition: 'CRPS',
			lastReviewed: new Date('2026-11-25T00:00:00Z'),
			authors: ['Ketamine Pain Evidence editors'],
			reviewers: [],
		});
		const text = jsonForScript(data);
		expect(text).not.toMatch(/[<>&\u2028]/);
		expect(text).toContain('\\u003c/script\\u003e');
		expect(JSON.parse(text)).toEqual(data);
		expect(JSON.parse(text).lastReviewed).toBe('2026-11-25');
	});
});
