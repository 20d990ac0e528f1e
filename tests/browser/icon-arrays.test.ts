/**
 * "Out of 100 people" pictures as readers get them: on a 360 px phone both grids and the numbers
 * fit without sideways scrolling, and printed, the two kinds of icon stay apart in black and white
 * (filled people against hollow rings).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
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
			await page.close();
			expect(printed).toEqual({
				yesFill: 'rgb(0, 0, 0)',
				noFill: 'none',
				noStroke: 'rgb(0, 0, 0)',
			});
		},
	);
});
