/**
 * Every built page (study pages included), loaded once in Chromium on a phone (390 × 844, touch,
 * 3× pixels), measured, then narrowed to 360 px and measured again. Narrowing gives the same
 * layout as a fresh load at 360 px: widths, header buttons, heading and main boxes matched on all
 * 149 pages (2026-12-01), at half the page loads. What each load must show:
 * - the page fits the screen, with the search and menu buttons on it, at 390 and at 360 px: one
 *   study with a long unbroken title is enough to make a phone pan sideways;
 * - it loads (200), opens no dialog, violates the Content-Security-Policy 0 times and requests
 *   nothing from another host.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtPages } from '../support/dist.ts';
import {
	foreignRequests,
	PageWatch,
	phone,
	requestsDuring,
	useBrowser,
	visitEach,
} from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();
const pages = builtPages();
const WIDTHS = [390, 360] as const;
const HEIGHT = 844;

/** What a phone shows of one page: its layout width and where the header's two buttons end up. */
interface Fit {
	scrollWidth: number;
	viewport: number;
	search: { left: number; right: number } | null;
	menu: { left: number; right: number } | null;
	hasSidebar: boolean;
}

interface Visit {
	path: string;
	status: number | undefined;
	requests: string[];
	fits: Record<(typeof WIDTHS)[number], Fit>;
}

function measure(page: Page): Promise<Fit> {
	return page.evaluate(() => {
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
	});
}

const watch = new PageWatch();
let visits: Visit[] = [];

beforeAll(async () => {
	const context = await browser().newContext(phone(WIDTHS[0], HEIGHT));
	visits = await visitEach(
		context,
		pages,
		async (tab, path) => {
			await tab.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
			let status: number | undefined;
			const requests = await requestsDuring(tab, async () => {
				status = (await tab.goto(`${baseURL}${path}`, { waitUntil: 'load' }))?.status();
			});
			const fits = {} as Visit['fits'];
			for (const width of WIDTHS) {
				await tab.setViewportSize({ width, height: HEIGHT });
				fits[width] = await measure(tab);
			}
			return { path, status, requests, fits };
		},
		{ open: (tab) => watch.watch(tab) },
	);
	await context.close();
}, 300_000);

describe.each(WIDTHS)('on a %i px phone', (width) => {
	it(`every page (${pages.length}) fits the screen, with the search and menu buttons on it`, () => {
		expect(visits).toHaveLength(pages.length);
		const inside = (b: Fit['search']) => b !== null && b.left >= 0 && b.right <= width;
		// The home and 404 pages have no sidebar, so no menu button.
		const menuFits = (f: Fit) => (f.menu === null ? !f.hasSidebar : inside(f.menu));
		const problems = visits
			.filter(({ fits }) => {
				const f = fits[width];
				return f.viewport !== width || f.scrollWidth !== width || !inside(f.search) || !menuFits(f);
			})
			.map(({ path, fits: { [width]: f } }) => {
				return `${path}: ${f.scrollWidth} px wide (window ${f.viewport}); search ${JSON.stringify(f.search)}, menu ${JSON.stringify(f.menu)}`;
			});
		expect(problems).toEqual([]);
	});
});

describe('every page in Chromium', () => {
	it('loads, opens no dialog and violates the Content-Security-Policy 0 times', () => {
		expect(visits.filter((v) => v.status !== 200).map((v) => `${v.path}: ${v.status}`)).toEqual([]);
		expect(pages.length).toBeGreaterThan(100);
		expect(watch.seen()).toEqual([]);
	});

	it('requests nothing from another host', () => {
		const foreign = visits.flatMap(({ path, requests }) =>
			foreignRequests(requests, baseURL).map((url) => `${path}: ${url}`),
		);
		expect(visits.every((v) => v.requests.length > 0)).toBe(true);
		expect(foreign).toEqual([]);
	});
});
