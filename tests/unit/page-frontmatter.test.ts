import { describe, expect, it } from 'vitest';
import { pageFrontmatterSchema } from '../../src/lib/page-frontmatter.ts';

describe('page frontmatter schema', () => {
	it('accepts a condition page with one condition and review dates', () => {
		const data = pageFrontmatterSchema.parse({
			pageType: 'condition',
			conditions: ['crps'],
			lastReviewed: '2026-11-25',
			nextReview: '2027-11-25',
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
