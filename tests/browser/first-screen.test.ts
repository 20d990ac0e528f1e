import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../support/dist.ts';
import { DESKTOP, phone, useBrowser, visitEach } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();
/** Condition and topic pages (the topics overview is a list of links, not a review). */
const reviewPages = builtPages().filter((p) => /^\/(conditions|topics)\/[^/]+\/$/.test(p));

describe.each([
	['a 390 × 844 phone', phone(390, 844)],
	['a 1280 × 900 desktop', DESKTOP],
] as const)('on %s', (_, options) => {
	it('every condition and topic page shows its answer, certainty and key harm, and the section links, on the first screen', async () => {
		const context = await browser().newContext(options);
		const height = options.viewport!.height;
		const late = (
			await visitEach(context, reviewPages, async (page, path) => {
				await page.goto(`${baseURL}${path}`);
				const bottoms = await page.evaluate(() =>
					[
						'.kpe-glance-answer',
						'.kpe-glance .kpe-certainty',
						'.kpe-glance-harm',
						'.kpe-glance-links',
					].map(
						(selector) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? null,
					),
				);
				return bottoms.some((b) => b === null || b > height)
					? `${path}: ${bottoms.map((b) => (b === null ? 'missing' : Math.round(b))).join(', ')} px (screen ${height})`
					: null;
			})
		).filter((problem) => problem !== null);
		await context.close();
		expect(reviewPages.length).toBeGreaterThan(0);
		expect(late).toEqual([]);
	});
});
