import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

async function search(term: string) {
	const page = await browser().context.newPage();
	await page.goto(`${baseURL}/`);
	await page.click('button[data-open-modal]');
	await page.locator('#starlight__search input.pagefind-ui__search-input').fill(term);
	const first = page.locator('.pagefind-ui__result').first();
	await first.waitFor({ timeout: 15_000 });
	return { page, first };
}

describe('search', () => {
	it.each([
		['CRPS', '/conditions/crps/'],
		['complex regional', '/conditions/crps/'],
		['phantom', '/conditions/phantom-limb-pain/'],
		['migraine', '/conditions/migraine/'],
		['fibromyalgia', '/conditions/fibromyalgia/'],
	])('"%s" puts %s first', async (term, path) => {
		const { page, first } = await search(term);
		expect(await first.locator('a').first().getAttribute('href')).toContain(path);
		await page.close();
	});

	it('offers condition and certainty filters', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}/`);
		// A string, so vitest does not rewrite the browser's own `import()`.
		const filters = (await page.evaluate(`(async () => {
			const pagefind = await import('/pagefind/pagefind.js');
			await pagefind.init();
			return pagefind.filters();
		})()`)) as Record<string, Record<string, number>>;
		expect(Object.keys(filters.condition ?? {})).toEqual(
			expect.arrayContaining([
				'Fibromyalgia',
				'Migraine and headache',
				'Neuropathic pain',
				'Phantom limb pain',
				'CRPS',
			]),
		);
		expect(Object.keys(filters.certainty ?? {}).length).toBeGreaterThan(0);
		await page.close();
	});
});

describe('print', () => {
	it('a condition page prints both layers and its bibliography, without sidebar or search', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}/conditions/fibromyalgia/`);
		await page.emulateMedia({ media: 'print' });
		const visible = async (selector: string) => page.locator(selector).first().isVisible();
		expect(await visible('h2#in-plain-words')).toBe(true);
		expect(await visible('h2#for-clinicians')).toBe(true);
		expect(await visible('ol.kpe-references')).toBe(true);
		expect(await visible('.kpe-evidence table')).toBe(true);
		expect(await visible('nav.sidebar')).toBe(false);
		expect(await visible('site-search')).toBe(false);
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.byteLength).toBeGreaterThan(10_000);
		await page.close();
	});
});
