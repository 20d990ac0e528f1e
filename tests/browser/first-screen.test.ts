import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../support/dist.ts';
import { DESKTOP, phone, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();
const conditionPages = builtPages().filter((p) => /^\/conditions\/[^/]+\/$/.test(p));

describe.each([
	['a 390 × 844 phone', phone(390, 844)],
	['a 1280 × 900 desktop', DESKTOP],
] as const)('on %s', (_, options) => {
	it('every condition page shows "At a glance", its certainty and the section links on the first screen', async () => {
		const context = await browser().newContext(options);
		const page = await context.newPage();
		const late: string[] = [];
		for (const path of conditionPages) {
			await page.goto(`${baseURL}${path}`);
			const bottoms = await page.evaluate(() =>
				['.kpe-glance-title', '.kpe-glance .kpe-certainty', '.kpe-glance-links'].map(
					(selector) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? null,
				),
			);
			const height = options.viewport!.height;
			if (bottoms.some((b) => b === null || b > height))
				late.push(
					`${path}: ${bottoms.map((b) => (b === null ? 'missing' : Math.round(b))).join(', ')} px (screen ${height})`,
				);
		}
		await context.close();
		expect(late).toEqual([]);
	});
});
