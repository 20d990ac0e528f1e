import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { builtPages } from '../support/dist.ts';
import { phone, useBrowser, visitEach } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();
const pages = builtPages();

/** What a phone shows of one page: its layout width and where the header's two buttons end up. */
interface Fit {
	path: string;
	scrollWidth: number;
	viewport: number;
	search: { left: number; right: number } | null;
	menu: { left: number; right: number } | null;
	hasSidebar: boolean;
}

/** Measures each path in a few tabs at once (most of a page load is waiting, not layout). */
async function measure(context: BrowserContext, paths: string[]): Promise<Fit[]> {
	return visitEach(context, paths, async (page, path) => {
		await page.goto(`${baseURL}${path}`, { waitUntil: 'load' });
		return {
			path,
			...(await page.evaluate(() => {
				const box = (selector: string) => {
					const el = document.querySelector(selector);
					if (!el) return null;
					const r = el.getBoundingClientRect();
					return { left: r.left, right: r.right };
				};
				return {
					scrollWidth: document.documentElement.scrollWidth,
					viewport: window.innerWidth,
					search: box('header button[data-open-modal]'),
					menu: box('button[popovertarget="starlight__sidebar"]'),
					hasSidebar: document.querySelector('#starlight__sidebar') !== null,
				};
			})),
		};
	});
}

// Every built page, study pages included: one of them with a long unbroken title is enough to
// make a phone pan sideways and push the header's buttons off-screen.
describe.each([390, 360])('on a %i px phone', (width) => {
	it(
		`every page (${pages.length}) fits the screen, with the search and menu buttons on it`,
		{ timeout: 300_000 },
		async () => {
			const context = await browser().newContext(phone(width));
			const fits = await measure(context, pages);
			await context.close();
			const inside = (b: Fit['search']) => b !== null && b.left >= 0 && b.right <= width;
			// The home and 404 pages have no sidebar, so no menu button.
			const menuFits = (f: Fit) => (f.menu === null ? !f.hasSidebar : inside(f.menu));
			const problems = fits
				.filter((f) => f.scrollWidth !== width || !inside(f.search) || !menuFits(f))
				.map(
					(f) =>
						`${f.path}: ${f.scrollWidth} px wide (window ${f.viewport}); search ${JSON.stringify(f.search)}, menu ${JSON.stringify(f.menu)}`,
				);
			expect(problems).toEqual([]);
		},
	);
});
