/**
 * "How current is this page" and "Trials under way" on a 390 px phone, on the built site (no run of
 * the watch yet): below the first screen, readable without sideways scrolling, saying plainly that
 * the watch has not run and showing the page's own search date.
 */
import { afterAll, describe, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { phone, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

describe('the page box on a 390 px phone', () => {
	let context: Promise<BrowserContext> | undefined;
	afterAll(async () => (await context)?.close());

	it.concurrent.for(['/conditions/fibromyalgia/', '/topics/safety/'])(
		'%s',
		async (path, { expect }) => {
			context ??= browser().newContext(phone(390));
			const page = await (await context).newPage();
			await page.goto(`${baseURL}${path}`);
			const box = page.locator('section.kpe-page-currency');
			await box.first().waitFor();
			expect(await box.count()).toBe(1);
			const text = (await box.innerText()).replace(/\s+/g, ' ');
			expect(text).toContain(
				'The editors last searched the literature for this page on 1 December 2026.',
			);
			expect(text).toContain('has not run for this page yet');
			// No number the watch did not produce.
			expect(await box.locator('svg').count()).toBe(0);
			const layout = await page.evaluate(() => {
				const el = document.querySelector('section.kpe-page-currency')!;
				return {
					top: el.getBoundingClientRect().top + window.scrollY,
					screen: window.innerHeight,
					scrollWidth: document.documentElement.scrollWidth,
					width: document.documentElement.clientWidth,
					afterHistory: Boolean(
						document.querySelector('.kpe-update-history') &&
						el.compareDocumentPosition(document.querySelector('.kpe-update-history')!) &
							Node.DOCUMENT_POSITION_FOLLOWING,
					),
				};
			});
			expect(layout.top).toBeGreaterThan(layout.screen);
			expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
			expect(layout.afterHistory).toBe(true);
			if (path.startsWith('/conditions/'))
				expect(
					(await page.locator('#trials-under-way').locator('..').innerText()).replace(/\s+/g, ' '),
				).toContain(
					'The trial registry (ClinicalTrials.gov) has not been searched for this page yet.',
				);
			await page.close();
		},
	);
});
