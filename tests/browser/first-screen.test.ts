import { describe, expect, inject, it } from 'vitest';
import { DESKTOP, phone, useBrowser, visitEach } from '../support/browser.ts';
import { CONDITIONS } from '../../src/engine/read/taxonomy.ts';
import { REVIEW_PAGES } from '../support/review-pages.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();
/** Condition and topic pages, by page type (the topics overview and the regimens table are not reviews). */
const conditionPages = CONDITIONS.map((c) => `/conditions/${c}/`);
const reviewPages = REVIEW_PAGES;

describe.each([
	['a 390 × 844 phone', phone(390, 844)],
	['a 1280 × 900 desktop', DESKTOP],
] as const)('on %s', (_, options) => {
	it('every condition and topic page shows its answer, certainty, key harm, section links and the start of its key picture on the first screen', async () => {
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
				// Where a page has a key picture, it starts on the first screen: its title and the top
				// of its grids are in view.
				const picture = await page.evaluate(
					() => document.querySelector('.kpe-glance .kpe-icon-grid')?.getBoundingClientRect().top,
				);
				if (picture !== undefined) bottoms.push(picture + 40);
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

describe('the home page', () => {
	it.each([
		['a 1280 × 900 desktop', 'beside the title', DESKTOP],
		['a 390 × 844 phone', 'below the title', phone(390, 844)],
	] as const)('on %s lets a reader choose any condition, %s', async (_, where, options) => {
		const context = await browser().newContext(options);
		const page = await context.newPage();
		await page.goto(`${baseURL}/`);
		const chooser = page.getByRole('navigation', { name: 'Choose a condition' });
		const hrefs = await chooser
			.locator('a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		const box = (await chooser.boundingBox())!;
		const title = (await page.locator('main h1').boundingBox())!;
		await context.close();
		expect(hrefs).toEqual(conditionPages);
		if (where === 'beside the title') {
			// The first screen's right half holds the chooser (it was empty).
			expect(box.x).toBeGreaterThan(options.viewport!.width / 2);
			expect(box.y + box.height).toBeLessThanOrEqual(options.viewport!.height);
		} else expect(box.y).toBeGreaterThan(title.y + title.height);
	});
});
