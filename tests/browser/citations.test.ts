import { describe, expect, inject, it } from 'vitest';
import { phone, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

describe('citation previews in Chromium', () => {
	it('show the short reference on keyboard focus and on hover, without any script', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}/conditions/fibromyalgia/`);
		// The first citation of a reference carries its preview (the At a glance copy above it does not).
		const link = page.locator('main .kpe-cite-link:has(.kpe-cite-preview)').first();
		const preview = link.locator('.kpe-cite-preview');
		const size = async () => (await preview.boundingBox())?.height ?? 0;
		expect(await size()).toBeLessThanOrEqual(1);

		await link.focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab'); // focus-visible comes from keyboard focus
		expect(await size()).toBeGreaterThan(20);
		expect(await preview.innerText()).toMatch(
			/Noppers I et al\. 2011\. Absence of long-term analgesic effect/,
		);

		await page.mouse.click(5, 5);
		await page.locator('main h1').focus();
		await link.hover();
		expect(await size()).toBeGreaterThan(20);
		await page.close();
	});

	it('give screen readers the number and the short reference as the link name', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}/conditions/fibromyalgia/`);
		await expect(
			page
				.getByRole('link', { name: /^1 \(\s*1\. Noppers I et al\. 2011\./ })
				.first()
				.count(),
		).resolves.toBe(1);
		await page.close();
	});

	it('show a later citation of a reference its title on keyboard focus, and describe it by the one preview', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}/conditions/fibromyalgia/`);
		const later = page.locator('main .kpe-cite .kpe-cite-link[title]').first();
		// The pseudo-element's content is the title while focused, `none` otherwise.
		const shown = () => later.evaluate((a) => getComputedStyle(a, '::after').content);
		expect(await shown()).toBe('none');
		await later.focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab');
		expect(await shown()).toBe(JSON.stringify(await later.getAttribute('title')));
		const description = await later.evaluate((a) =>
			a
				.getAttribute('aria-describedby')!
				.split(' ')
				.map((id) => document.getElementById(id)?.textContent)
				.join(' '),
		);
		expect(description).toBe(await later.getAttribute('title'));
		await page.close();
	});

	it('jump to the bibliography entry and back', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}/conditions/fibromyalgia/`);
		await page.locator('main .kpe-cite-link').first().click();
		expect(new URL(page.url()).hash).toBe('#ref-noppers2011absence');
		await page.locator('#ref-noppers2011absence .kpe-backlinks a').first().click();
		expect(new URL(page.url()).hash).toBe('#cite-1');
		await page.close();
	});

	it.each([
		['desktop', undefined],
		['phone', phone(390)],
	] as const)(
		'inside a table, show the whole preview on %s (the scroll box never clips it)',
		async (_, options) => {
			const context = options ? await browser().newContext(options) : browser().context;
			const page = await context.newPage();
			await page.goto(`${baseURL}/conditions/fibromyalgia/`);
			// The summary of findings cites only references cited above it, so its citations show their
			// title on focus (a fixed-position box, which a scroll box cannot clip): checked here.
			const later = page.locator('main .kpe-sof-table .kpe-cite-link[title]').first();
			await later.scrollIntoViewIfNeeded();
			await later.focus();
			await page.keyboard.press('Shift+Tab');
			await page.keyboard.press('Tab');
			const shown = await later.evaluate((a) => {
				const after = getComputedStyle(a, '::after');
				return { position: after.position, content: after.content };
			});
			expect(shown).toEqual({
				position: 'fixed',
				content: JSON.stringify(await later.getAttribute('title')),
			});
			for (const table of ['.kpe-evidence']) {
				// The first citation of a reference in the table carries its preview (one per page).
				const link = page.locator(`main ${table} .kpe-cite-link:has(.kpe-cite-preview)`).first();
				await link.scrollIntoViewIfNeeded();
				await link.hover();
				// Every corner of the preview is the topmost thing on screen at that point: not clipped.
				const hidden = await link.evaluate((a) => {
					const preview = a.querySelector('.kpe-cite-preview')!;
					const r = preview.getBoundingClientRect();
					const corners = [
						[r.left + 2, r.top + 2],
						[r.right - 2, r.top + 2],
						[r.left + 2, r.bottom - 2],
						[r.right - 2, r.bottom - 2],
					];
					return r.height < 20
						? ['preview not shown']
						: corners
								.filter(([x, y]) => !preview.contains(document.elementFromPoint(x!, y!)))
								.map(([x, y]) => `${Math.round(x!)},${Math.round(y!)}`);
				});
				expect(hidden, `${table} preview corners hidden`).toEqual([]);
			}
			await page.close();
			if (options) await context.close();
		},
	);
});
