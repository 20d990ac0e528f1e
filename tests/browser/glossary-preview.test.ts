/**
 * Glossary terms in the plain-language layer show their meaning while the link is hovered or
 * keyboard-focused, without script, inside the screen on a phone; the link still leads to the glossary.
 */
import { describe, expect, inject, it } from 'vitest';
import { phone, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

describe('glossary term previews in Chromium', () => {
	it.each([
		['desktop', undefined],
		['phone', phone(390)],
	] as const)(
		'show the meaning on focus and hover on %s, inside the screen',
		async (_, options) => {
			const context = options ? await browser().newContext(options) : browser().context;
			const page = await context.newPage();
			await page.goto(`${baseURL}/conditions/crps/`);
			const link = page.locator('main .kpe-gloss-link').first();
			const id = (await link.getAttribute('aria-describedby'))!;
			const preview = page.locator(`#${id}`);
			const box = async () => (await preview.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
			expect((await box()).height).toBeLessThanOrEqual(1);
			// Waits until the preview is drawn open (a condition, not a time), then measures it.
			const opened = async () => {
				await page.waitForFunction(
					(target) => document.getElementById(target)!.getBoundingClientRect().height > 20,
					id,
				);
				return box();
			};

			await link.scrollIntoViewIfNeeded();
			await link.focus();
			await page.keyboard.press('Shift+Tab');
			await page.keyboard.press('Tab'); // focus-visible comes from keyboard focus
			const shown = await opened();
			expect(shown.height).toBeGreaterThan(20);
			const width = page.viewportSize()!.width;
			expect(shown.x).toBeGreaterThanOrEqual(0);
			expect(shown.x + shown.width).toBeLessThanOrEqual(width);
			expect((await preview.innerText()).length).toBeGreaterThan(10);

			await page.locator('main h1').focus();
			await link.hover();
			expect((await opened()).height).toBeGreaterThan(20);

			// The click starts the navigation; wait for it to land (under load it takes a while).
			await link.click();
			await page.waitForURL((url) => url.pathname === '/glossary/');
			await page.close();
			if (options) await context.close();
		},
	);
});
