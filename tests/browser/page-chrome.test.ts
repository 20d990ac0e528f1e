/**
 * Heading links and "On this page" in Chromium, after the evidence plugin made them leaner
 * (src/markdown/heading-links.ts, src/components/*TableOfContents*.astro): the link icon still
 * shows when a heading is hovered or its link focused by keyboard, keeps its accessible name, and
 * "On this page" still marks the section being read, on desktop and in the phone's dropdown; the
 * sidebar (src/components/Sidebar*.astro) still draws its arrows, marks the current page and keeps
 * a closed group closed on the next page.
 */
import sharp from 'sharp';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { phone, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** Waits until the page gets there: vitest's default gives up after one second, too soon on a loaded machine. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000 });

const PAGE = '/conditions/crps/';
const HEADING = 'What did they find?';
const ID = 'what-did-they-find';

/** Whether a picture of the element shows anything: more than one colour in it. */
async function painted(target: Locator): Promise<boolean> {
	const stats = await sharp(await target.screenshot()).stats();
	return stats.channels.slice(0, 3).some((channel) => channel.max - channel.min > 64);
}

/** Scrolls the heading to the top of the window, below the header, as a reader arriving at it. */
async function readHeading(page: Page) {
	await page.locator(`#${ID}`).evaluate((el) => el.scrollIntoView());
}

describe('heading links', () => {
	it('show their icon only on hover or focus, and keep their name for screen readers', async () => {
		const page = await browser().context.newPage();
		try {
			await page.goto(`${baseURL}${PAGE}`);
			const link = page.getByRole('link', { name: `Section titled “${HEADING}”` });
			await poll(() => link.getAttribute('href')).toBe(`#${ID}`);
			await readHeading(page);
			await page.mouse.move(1, 1);
			expect(await painted(link), 'hidden until hovered').toBe(false);

			await page.locator(`#${ID}`).hover();
			expect(await painted(link), 'shown while the heading is hovered').toBe(true);
			await page.mouse.move(1, 1);

			// By keyboard: from the element before it, one Tab reaches the link and shows its icon.
			await link.evaluate((a) => {
				const focusable = [
					...document.querySelectorAll<HTMLElement>('a[href], button, summary, input'),
				];
				focusable[focusable.indexOf(a as HTMLElement) - 1]!.focus();
			});
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
				`#${ID}`,
			);
			expect(await painted(link), 'shown while focused').toBe(true);

			await page.keyboard.press('Enter');
			await poll(() => new URL(page.url()).hash).toBe(`#${ID}`);
		} finally {
			await page.close();
		}
	});
});

describe('“On this page”', () => {
	it('marks the section being read, on desktop', async () => {
		const page = await browser().context.newPage();
		try {
			await page.goto(`${baseURL}${PAGE}`);
			const current = page.locator('starlight-toc a[aria-current="true"]');
			await poll(() => current.getAttribute('href')).toBe('#_top');
			await readHeading(page);
			await poll(() => current.getAttribute('href')).toBe(`#${ID}`);
			expect(await current.textContent()).toBe(HEADING);
			// Indented one step for a section inside "In plain words".
			const indent = (href: string) =>
				page
					.locator(`starlight-toc a[href="${href}"]`)
					.evaluate((a) => parseFloat(getComputedStyle(a).paddingInlineStart));
			expect(await indent(`#${ID}`)).toBeGreaterThan(await indent('#in-plain-words'));
		} finally {
			await page.close();
		}
	});

	it('on a phone, names the section being read, opens, ticks it, and closes with Escape', async () => {
		const context = await browser().newContext(phone());
		try {
			const page = await context.newPage();
			await page.goto(`${baseURL}${PAGE}`);
			await readHeading(page);
			const shown = page.locator('mobile-starlight-toc .display-current');
			await poll(() => shown.textContent()).toBe(HEADING);

			const summary = page.locator('#starlight__on-this-page--mobile');
			// The caret is the toggle's ::after, Starlight's icon as a mask, turned down when open.
			const caret = () =>
				page.locator('mobile-starlight-toc .toggle').evaluate((el) => {
					const after = getComputedStyle(el, '::after');
					return {
						width: after.width,
						mask: after.maskImage.startsWith('url('),
						turn: after.transform,
					};
				});
			expect(await caret()).toEqual({ width: '16px', mask: true, turn: 'none' });
			await summary.click();
			await poll(async () => (await caret()).turn).not.toBe('none');
			const current = page.locator('mobile-starlight-toc a[aria-current="true"]');
			await poll(() => current.isVisible()).toBe(true);
			expect(await current.textContent()).toBe(HEADING);
			// The tick Starlight draws after the current entry.
			const tick = await current.evaluate((a) => getComputedStyle(a, '::after').maskImage);
			expect(tick).toMatch(/^url\("data:image\/svg\+xml/);

			await summary.focus();
			await page.keyboard.press('Escape');
			await poll(() => current.isVisible()).toBe(false);
		} finally {
			await context.close();
		}
	});
});

describe('the sidebar', () => {
	it('draws each group’s arrow, turned down when open, and remembers a closed group on the next page', async () => {
		const page = await browser().context.newPage();
		try {
			await page.goto(`${baseURL}${PAGE}`);
			const group = (label: string) =>
				page.locator('nav.sidebar details', { has: page.locator('summary', { hasText: label }) });
			const arrow = (label: string) =>
				group(label)
					.locator('summary')
					.evaluate((summary) => {
						const after = getComputedStyle(summary, '::after');
						return { mask: after.maskImage, transform: after.transform, width: after.width };
					});
			const open = await arrow('Topics');
			expect(open.mask).toMatch(/^url\("data:image\/svg\+xml/);
			expect(open.width).toBe('20px');
			// rotateZ(90deg) as a matrix.
			expect(open.transform).toMatch(/^matrix\(0, 1, -1, 0/);
			expect(await painted(group('Topics').locator('summary'))).toBe(true);

			const current = page.locator('nav.sidebar a[aria-current="page"]');
			expect(await current.getAttribute('href')).toBe(PAGE);
			expect(await current.evaluate((a) => getComputedStyle(a).fontWeight)).toBe('600');

			await group('Topics').locator('summary').click();
			await expect
				.poll(() => group('Topics').evaluate((d) => (d as HTMLDetailsElement).open))
				.toBe(false);
			await poll(async () => (await arrow('Topics')).transform).toBe('none');

			await page.locator('nav.sidebar a', { hasText: 'Migraine' }).click();
			await page.waitForURL(/\/conditions\/migraine\/$/);
			expect(await group('Topics').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
			expect(await group('Conditions').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
			expect(await current.getAttribute('href')).toBe('/conditions/migraine/');
		} finally {
			await page.close();
		}
	});
});

describe('previous and next links', () => {
	it('draw their arrows and name the page they go to', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}${PAGE}`);
		for (const rel of ['prev', 'next']) {
			const link = page.locator(`.pagination-links a[rel="${rel}"]`);
			await link.scrollIntoViewIfNeeded();
			const name = rel === 'prev' ? 'Previous' : 'Next';
			expect(await link.textContent()).toMatch(new RegExp(`^${name} \\S`));
			// The arrow is the link's ::before, masked from Starlight's icon: a 24 px box, painted.
			const arrow = await link.evaluate((a) => {
				const before = getComputedStyle(a, '::before');
				return { width: before.width, mask: before.maskImage.startsWith('url(') };
			});
			expect(arrow).toEqual({ width: '24px', mask: true });
			expect(await painted(link)).toBe(true);
		}
		await page.close();
	});
});

describe('links after the page text', () => {
	it('take the site’s link colour, not the browser’s default blue', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}${PAGE}`);
		const defaults = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('main a, .kpe-site-footer a')]
				.filter((a) => ['rgb(0, 0, 238)', 'rgb(85, 26, 139)'].includes(getComputedStyle(a).color))
				.map((a) => a.textContent!.trim()),
		);
		expect(defaults).toEqual([]);
		await page.close();
	});
});
