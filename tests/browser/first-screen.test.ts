import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../support/dist.ts';
import { DESKTOP, phone, useBrowser, visitEach } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();
const conditionPages = builtPages().filter((p) => /^\/conditions\/[^/]+\/$/.test(p));

describe.each([
	['a 390 × 844 phone', phone(390, 844)],
	['a 1280 × 900 desktop', DESKTOP],
] as const)('on %s', (_, options) => {
	it('every condition page shows "At a glance", its certainty and the section links on the first screen', async () => {
		const context = await browser().newContext(options);
		const height = options.viewport!.height;
		const late = (
			await visitEach(context, conditionPages, async (page, path) => {
				await page.goto(`${baseURL}${path}`);
				const bottoms = await page.evaluate(() =>
					['.kpe-glance-title', '.kpe-glance .kpe-certainty', '.kpe-glance-links'].map(
						(selector) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? null,
					),
				);
				return bottoms.some((b) => b === null || b > height)
					? `${path}: ${bottoms.map((b) => (b === null ? 'missing' : Math.round(b))).join(', ')} px (screen ${height})`
					: null;
			})
		).filter((problem) => problem !== null);
		await context.close();
		expect(conditionPages.length).toBeGreaterThan(0);
		expect(late).toEqual([]);
	});
});
