/**
 * "Out of 100 people" pictures as readers get them: on a 360 px phone both grids and the numbers
 * fit without sideways scrolling, and printed, the two kinds of icon stay apart in black and white
 * (filled people against hollow rings).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import sharp from 'sharp';
import { builtPages, readPage } from '../support/dist.ts';
import { phone, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

const pages = builtPages().filter(
	(path) => !path.startsWith('/studies/') && readPage(path).querySelector('.kpe-icon-array'),
);

describe('icon arrays', () => {
	it('are on the condition pages with counts', () => {
		expect(pages).toEqual(
			expect.arrayContaining(['/conditions/fibromyalgia/', '/conditions/crps/']),
		);
	});

	let phoneContext: Promise<BrowserContext> | undefined;
	afterAll(async () => (await phoneContext)?.close());

	it.concurrent.for(pages)(
		'%s: fit a 360 px phone, and print as filled people and hollow rings in black',
		async (path, { expect }) => {
			phoneContext ??= browser().newContext(phone(360));
			const page = await (await phoneContext).newPage();
			await page.goto(`${baseURL}${path}`);
			const outside = await page.evaluate(() => {
				const width = document.documentElement.clientWidth;
				const out: string[] = [];
				for (const figure of document.querySelectorAll('.kpe-icon-array')) {
					for (const el of figure.querySelectorAll('svg, table, figcaption')) {
						const r = el.getBoundingClientRect();
						if (r.left < 0 || r.right > width + 0.5)
							out.push(
								`${figure.id} ${el.tagName}: ${Math.round(r.left)}–${Math.round(r.right)} px`,
							);
					}
				}
				return out;
			});
			expect(outside).toEqual([]);
			await page.emulateMedia({ media: 'print' });
			const printed = await page.evaluate(() => {
				const yes = getComputedStyle(document.querySelector('.kpe-icon-yes')!);
				const no = getComputedStyle(document.querySelector('.kpe-icon-no')!);
				return { yesFill: yes.fill, noFill: no.fill, noStroke: no.stroke };
			});
			// A grid drawn by reference (`<use>` of an earlier one) looks the same, printed too.
			for (const media of ['print', 'screen'] as const) {
				await page.emulateMedia({ media });
				const reused = page.locator('svg.kpe-icon-grid:has(> use)');
				for (let i = 0; i < (await reused.count()); i++) {
					const copy = reused.nth(i);
					const href = (await copy.locator('use').getAttribute('href'))!;
					// One after the other: a screenshot scrolls its element into view.
					const pa = await sharp(await page.locator(href).screenshot())
						.raw()
						.toBuffer();
					const pb = await sharp(await copy.screenshot())
						.raw()
						.toBuffer();
					// The same size and the same ink: the count of dark pixels (a pixel-by-pixel comparison
					// would fail on anti-aliasing, the two sitting at different fractions of a pixel).
					expect(pb.length).toBe(pa.length);
					const ink = (grey: Buffer) => grey.filter((v) => v < 128).length;
					expect(ink(pa), `${path} ${href}: the original is drawn`).toBeGreaterThan(pa.length / 20);
					expect(Math.abs(ink(pb) - ink(pa)) / ink(pa), `${path} ${href} (${media})`).toBeLessThan(
						0.03,
					);
				}
			}
			await page.close();
			expect(printed).toEqual({
				yesFill: 'rgb(0, 0, 0)',
				noFill: 'none',
				noStroke: 'rgb(0, 0, 0)',
			});
		},
	);
});
