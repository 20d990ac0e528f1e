/**
 * On a 1280 px desktop, no table cell holds content wider than itself: a long word or badge that
 * does not wrap runs over the next column's text (3 cells on fibromyalgia, 6 in the regimens table).
 */
import { describe, expect, inject, it } from 'vitest';
import { builtPages, readPage } from '../support/dist.ts';
import { useBrowser, visitEach } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** Every page with a table (each study page has none; the study index is one big table). */
const pages = builtPages().filter((path) => readPage(path).querySelector('main table') !== null);

describe('tables at 1280 px', () => {
	it('no cell content is wider than its cell', async () => {
		expect(pages).toEqual(
			expect.arrayContaining(['/conditions/fibromyalgia/', '/topics/regimens-by-study/']),
		);
		const problems = (
			await visitEach(browser().context, pages, async (page, path) => {
				await page.goto(`${baseURL}${path}`);
				return page.evaluate((path) => {
					const out: string[] = [];
					for (const cell of document.querySelectorAll<HTMLElement>('main td, main th')) {
						// scrollWidth counts content that spills out of the padding box.
						if (cell.scrollWidth > cell.clientWidth + 1) {
							const text = (cell.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
							out.push(`${path} "${text}": ${cell.scrollWidth} px in ${cell.clientWidth} px`);
						}
					}
					return out;
				}, path);
			})
		).flat();
		expect(problems).toEqual([]);
	});
});
