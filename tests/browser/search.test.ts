/**
 * Search that answers: typed into the site's own search box (Starlight's Pagefind UI, with
 * the ranking set in astro.config.mjs), on the built site.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { parseSynonyms, SYNONYMS_FILE } from '../../src/site/search/synonyms.ts';
import { foreignRequests, recordRequests, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

interface Result {
	/** The page's own link, as shown (without the site's address). */
	url: string;
	/** Links to sections of the page shown under it (sub-results). */
	sections: string[];
	/** Every snippet shown for the page and its sections. */
	snippets: string[];
}

let page: Page;
/** Everything the search tab requested, the index and its WebAssembly included. */
let requests: string[] = [];
beforeAll(async () => {
	page = await browser().context.newPage();
	requests = recordRequests(page);
	await page.goto(`${baseURL}/`);
});
afterAll(() => page.close());

/** Types `term` into the search dialog and reads the first results once they have loaded. */
async function search(term: string, count = 5): Promise<Result[]> {
	if (!(await page.locator('dialog[open]').count())) await page.click('button[data-open-modal]');
	const input = page.locator('#starlight__search input.pagefind-ui__search-input');
	await input.fill('');
	await input.fill(term);
	await page.locator('.pagefind-ui__message').filter({ hasText: term }).waitFor();
	await page.waitForFunction((n) => {
		const results = [...document.querySelectorAll('.pagefind-ui__result')].slice(0, n);
		return results.length > 0 && results.every((r) => !r.querySelector('.pagefind-ui__loading'));
	}, count);
	return page.$$eval(
		'.pagefind-ui__result',
		(items, n) =>
			items.slice(0, n).map((item) => {
				const path = (a: Element | null) => new URL((a as HTMLAnchorElement).href).pathname;
				const hash = (a: Element) => {
					const url = new URL((a as HTMLAnchorElement).href);
					return url.pathname + url.hash;
				};
				return {
					url: path(
						item.querySelector('.pagefind-ui__result-inner > .pagefind-ui__result-title a'),
					),
					sections: [...item.querySelectorAll('.pagefind-ui__result-nested a')].map(hash),
					snippets: [...item.querySelectorAll('.pagefind-ui__result-excerpt')].map(
						(p) => p.textContent ?? '',
					),
				};
			}),
		count,
	);
}

const top3 = (results: Result[]) => results.slice(0, 3).map((r) => r.url);

/** Two words run together, as when a table cell's text meets the next cell's ("reportedRepeated"). */
const JOINED = /\p{Ll}{3,}\p{Lu}\p{Ll}/u;

describe('search answers with the page that answers', () => {
	it('"ketamine liver" puts the safety page first', async () => {
		expect(top3(await search('ketamine liver'))[0]).toBe('/topics/safety/');
	});

	it('"esketamine" finds the CRPS page (its trials used S(+)-ketamine) in the top 3', async () => {
		expect(top3(await search('esketamine'))).toContain('/conditions/crps/');
	});

	it('"six infusions" finds the claims page in the top 3', async () => {
		expect(top3(await search('six infusions'))).toContain('/claims/');
	});

	it('"Sigtermans" puts the study page first', async () => {
		expect(top3(await search('Sigtermans'))[0]).toBe('/studies/sigtermans2009ketamine/');
	});

	it.each([
		['CRPS', '/conditions/crps/'],
		['complex regional', '/conditions/crps/'],
		['complex regional pain syndrome', '/conditions/crps/'],
		['phantom', '/conditions/phantom-limb-pain/'],
		['migraine', '/conditions/migraine/'],
		['fibromyalgia', '/conditions/fibromyalgia/'],
		['fibro', '/conditions/fibromyalgia/'],
		['nerve pain', '/conditions/neuropathic-pain/'],
		['bladder', '/topics/safety/'],
	])('"%s" puts %s first (condition and topic pages above studies)', async (term, path) => {
		expect(top3(await search(term))[0]).toBe(path);
	});

	it.each([['drip'], ['IV']])('"%s" reaches pages that use its synonym', async (term) => {
		const pages = top3(await search(term));
		expect(pages.length).toBe(3);
		expect(pages.some((p) => !p.startsWith('/studies/'))).toBe(true);
	});

	it('"S-ketamine" reaches the CRPS page, which says S(+)-ketamine (after the trials titled with it)', async () => {
		// Three studies carry "S-ketamine" or "S(+)-ketamine" in their title, which ranks them first.
		const pages = (await search('S-ketamine')).map((r) => r.url);
		expect(pages).toContain('/conditions/crps/');
	});
});

/**
 * What patients and clinicians type, each with the page that should come first: symptoms, drug
 * names and a brand, "side effects", "how many sessions", "is it safe", a study's first author, a
 * review's publisher, and the site's own tools (the claims page, the evidence map). Each run logs
 * the top three ("search | query | expected | top 3").
 */
const READER_QUERIES: [query: string, first: string][] = [
	['side effects', '/topics/safety/'],
	['is ketamine safe', '/topics/safety/'],
	['ketamine liver damage', '/topics/safety/'],
	['bladder problems', '/topics/safety/'],
	['is ketamine addictive', '/topics/safety/'],
	['misuse', '/topics/safety/'],
	['how many sessions', '/topics/protocols/'],
	['how many infusions do I need', '/topics/protocols/'],
	['ketamine dose', '/topics/protocols/'],
	['does ketamine work for fibromyalgia', '/conditions/fibromyalgia/'],
	['fibromyalgia pain', '/conditions/fibromyalgia/'],
	['CRPS', '/conditions/crps/'],
	['RSD', '/conditions/crps/'],
	['nerve pain', '/conditions/neuropathic-pain/'],
	['diabetic neuropathy', '/conditions/neuropathic-pain/'],
	['migraine', '/conditions/migraine/'],
	['headache emergency room', '/conditions/migraine/'],
	['phantom limb', '/conditions/phantom-limb-pain/'],
	['amputation', '/conditions/phantom-limb-pain/'],
	['back pain', '/conditions/chronic-low-back-pain/'],
	['arthritis', '/conditions/arthritis/'],
	['endometriosis', '/conditions/endometriosis/'],
	['cancer pain', '/conditions/cancer-pain/'],
	['depression', '/topics/mood/'],
	['how does ketamine work', '/topics/mechanisms/'],
	['NMDA receptor', '/topics/mechanisms/'],
	['Spravato', '/studies/fda2023fda/'],
	['Sigtermans', '/studies/sigtermans2009ketamine/'],
	['Hardy', '/studies/hardy2012randomized/'],
	['Cochrane', '/studies/ferraro2025ketamine/'],
	['clinic claims', '/claims/'],
	['evidence map', '/evidence-map/'],
	['how certain is the evidence for each condition', '/evidence-map/'],
];

describe('what readers type', () => {
	it.each(READER_QUERIES)('"%s" puts %s first', async (term, first) => {
		const results = await search(term, 3);
		console.log(`search | ${term} | ${first} | ${top3(results).join(', ')}`);
		expect(top3(results)[0]).toBe(first);
	});
});

describe('each result appears once, with readable snippets', () => {
	const queries = [
		'ketamine liver',
		'esketamine',
		'Sigtermans',
		'fibromyalgia',
		'result as reported',
	];

	it.each(queries)(
		'"%s": no page or section is listed twice, no "#_top", no words run together',
		async (term) => {
			const results = await search(term, 10);
			const urls = results.flatMap((r) => [r.url, ...r.sections]);
			expect(new Set(urls).size).toBe(urls.length);
			expect(urls.filter((u) => u.includes('#_top'))).toEqual([]);
			const snippets = results.flatMap((r) => r.snippets);
			expect(snippets.length).toBeGreaterThan(0);
			expect(snippets.filter((s) => JOINED.test(s))).toEqual([]);
		},
	);

	it.each(['drip', 'infusion', 'side effects', 'IV', 'liver'])(
		'"%s": no excerpt quotes the hidden synonyms (as "drip (infusion)" once did)',
		async (term) => {
			const groups = parseSynonyms(readFileSync(SYNONYMS_FILE, 'utf8'));
			// What the build once wrote after a word of a group: the group's other words in brackets.
			const annotations = groups.flatMap((group) =>
				group.map((word) => `(${group.filter((w) => w !== word).join(', ')})`),
			);
			const snippets = (await search(term, 10)).flatMap((r) => r.snippets);
			expect(snippets.length).toBeGreaterThan(0);
			expect(snippets.filter((s) => annotations.some((a) => s.includes(a)))).toEqual([]);
		},
	);

	it('the hidden search words show nowhere: no "subject" tag under results', async () => {
		await search('CRPS');
		await search('drip');
		const tags = await page.locator('.pagefind-ui__result-tag:visible').count();
		expect(tags).toBe(0);
	});
});

describe('the search index', () => {
	it('offers condition and certainty filters', async () => {
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
	});

	// Last in the file: by now the tab has run every search above.
	it('is loaded from the site itself: the searches requested nothing from another host', () => {
		expect(requests.some((url) => url.includes('/pagefind/'))).toBe(true);
		expect(foreignRequests(requests, baseURL)).toEqual([]);
	});
});
