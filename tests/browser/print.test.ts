/**
 * Printing a condition page: the print styles apply (src/styles/print.css). Where a page
 * breaks cannot be read back from Chromium's PDF, so the tests check the rules that decide it; the
 * PDF itself was looked at by eye (see the lane report).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

let page: Page;
beforeAll(async () => {
	// About an A4 page's printable width at 96 dpi.
	page = await browser().context.newPage();
	await page.setViewportSize({ width: 720, height: 1000 });
	await page.goto(`${baseURL}/conditions/crps/`);
	await page.emulateMedia({ media: 'print' });
});
afterAll(() => page.close());

describe('printing the CRPS page', () => {
	it('prints both layers, the evidence table and the bibliography', async () => {
		const visible = async (selector: string) => page.locator(selector).first().isVisible();
		expect(await visible('h2#in-plain-words')).toBe(true);
		expect(await visible('h2#for-clinicians')).toBe(true);
		expect(await visible('.kpe-evidence table')).toBe(true);
		expect(await visible('ol.kpe-references')).toBe(true);
	});

	it('leaves out what only works on screen: search, menu, sidebar, "On this page"', async () => {
		const shown = await page.evaluate(() =>
			[
				'site-search',
				'starlight-menu-button',
				'#starlight__sidebar',
				'.right-sidebar-container',
				'mobile-starlight-toc',
			]
				.map((selector) => [selector, document.querySelector(selector)] as const)
				.filter(([, el]) => el && getComputedStyle(el).display !== 'none')
				.map(([selector]) => selector),
		);
		expect(shown).toEqual([]);
	});

	it('keeps every heading, table caption and header with what follows it', async () => {
		const loose = await page.evaluate(() =>
			[
				...document.querySelectorAll(
					'.sl-markdown-content :is(.sl-heading-wrapper, h2, h3), .sl-markdown-content caption, .sl-markdown-content thead',
				),
			]
				.filter((el) => getComputedStyle(el).breakAfter !== 'avoid')
				.map((el) => el.outerHTML.slice(0, 80)),
		);
		expect(loose).toEqual([]);
	});

	it('keeps the at-a-glance and bottom-line boxes and each table row in one piece', async () => {
		const split = await page.evaluate(() =>
			[...document.querySelectorAll('.kpe-glance, .kpe-bottom-line, .sl-markdown-content tr')]
				.filter((el) => getComputedStyle(el).breakInside !== 'avoid')
				.map((el) => el.outerHTML.slice(0, 80)),
		);
		expect(split).toEqual([]);
	});

	it('prints whole tables: nothing scrolls or is cut off on the right', async () => {
		const clipped = await page.evaluate(() => {
			const main = document.querySelector('.sl-markdown-content')!.getBoundingClientRect();
			return [...document.querySelectorAll('.sl-markdown-content table')]
				.filter((table) => {
					const box = table.getBoundingClientRect();
					const scroller = table.closest('.kpe-table-scroll');
					return (
						box.right > main.right + 1 ||
						(scroller !== null && scroller.scrollWidth > scroller.clientWidth + 1)
					);
				})
				.map(
					(table) => table.querySelector('caption')?.textContent ?? table.outerHTML.slice(0, 60),
				);
		});
		expect(clipped).toEqual([]);
	});

	it('adds no link addresses to the text (the reference list carries them)', async () => {
		const added = await page.evaluate(() =>
			[...document.querySelectorAll('.sl-markdown-content a[href^="http"]')]
				.map((a) => getComputedStyle(a, '::after').content)
				.filter((content) => content !== 'none' && content !== 'normal'),
		);
		expect(added).toEqual([]);
	});

	it('makes a PDF', async () => {
		const pdf = await page.pdf({ format: 'A4', printBackground: false });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		// One "/Type /Page" object per page (and one "/Type /Pages" tree).
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
		expect(pages).toBeGreaterThan(3);
	});
});
