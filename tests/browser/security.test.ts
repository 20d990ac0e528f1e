/**
 * No markup runs, and nothing breaks the Content-Security-Policy, in a real Chromium:
 * - a copy of the site whose data holds injection payloads in every field the checks allow
 *   (tests/support/payload-site.ts): no dialog opens, no policy is violated, no payload element exists;
 * - the real site: 0 policy violations while searching and on focusing a citation (every page on
 *   load: every-page.test.ts and the axe sweep in site.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { PageWatch, useBrowser } from '../support/browser.ts';
import {
	buildPayloadSite,
	PAYLOADS,
	PROBE_KEY,
	PROBE_PAGE,
	PROBE_PAGES,
} from '../support/payload-site.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const browser = useBrowser();

/** Opens a tab that records every dialog (a payload that ran) and every CSP violation. */
async function watchedPage(): Promise<{ page: Page; watch: PageWatch }> {
	const page = await browser().context.newPage();
	const watch = new PageWatch();
	await watch.watch(page);
	return { page, watch };
}

/** Opens search, types a query and waits for results. */
async function search(page: Page, query: string): Promise<number> {
	await page.click('button[data-open-modal]');
	await page.fill('#starlight__search input.pagefind-ui__search-input', query);
	await page.locator('.pagefind-ui__result').first().waitFor();
	const count = await page.locator('.pagefind-ui__result').count();
	await page.keyboard.press('Escape');
	return count;
}

describe('a site whose fields hold injection payloads', () => {
	let site: ReturnType<typeof buildPayloadSite>;
	let server: StaticServer;
	beforeAll(async () => {
		site = buildPayloadSite();
		server = await serveStatic(site.dist);
	}, 300_000);
	afterAll(async () => {
		await server?.close();
		site?.cleanup();
	});

	const html = (urlPath: string) => readFileSync(join(site.dist, urlPath, 'index.html'), 'utf8');

	it('builds with no payload element in the HTML, and shows the payloads as text', () => {
		for (const urlPath of PROBE_PAGES) {
			const root = parse(html(urlPath));
			expect(root.querySelectorAll('img[src="x"]'), urlPath).toHaveLength(0);
			expect(root.querySelectorAll('svg[onload]'), urlPath).toHaveLength(0);
			const handlers = root
				.querySelectorAll('*')
				.flatMap((el) => Object.keys(el.attributes).filter((name) => /^on/i.test(name)))
				.map((name) => `${urlPath} ${name}`);
			expect(handlers).toEqual([]);
			// JSON-LD carries field text by design: it must stay inert data (no raw < or >, valid JSON).
			for (const ld of root.querySelectorAll('script[type="application/ld+json"]')) {
				expect(ld.rawText, urlPath).not.toMatch(/[<>]/);
				expect(() => JSON.parse(ld.rawText), urlPath).not.toThrow();
			}
			const scripts = root
				.querySelectorAll('script:not([type="application/ld+json"])')
				// The payloads' markers (kpe-1…kpe-7), not the site's own class names in its bundled scripts.
				.filter((s) => /kpe-\d/.test(s.rawText));
			expect(scripts.map((s) => `${urlPath} ${s.rawText.slice(0, 80)}`)).toEqual([]);
			const title = /<title>([\s\S]*?)<\/title>/.exec(html(urlPath))![1]!;
			expect(title, urlPath).not.toMatch(/[<>]/);
		}
		// Shown, not dropped: the study page prints each payload as the text an editor wrote.
		const study = parse(html(`/studies/${PROBE_KEY}/`)).querySelector('main')!.textContent;
		for (const payload of Object.values(PAYLOADS)) expect(study).toContain(payload);
	});

	it('runs no payload and violates no policy in Chromium, on load, hover, focus and search', async () => {
		const { page, watch } = await watchedPage();
		for (const urlPath of PROBE_PAGES) {
			await page.goto(`${server.url}${urlPath}`);
			// Citation previews and glossary links show field text on hover and focus.
			const links = page.locator(
				'main .kpe-cite-link, main a[href*="glossary"], main a[href*="/studies/"]',
			);
			for (const link of (await links.all()).slice(0, 8)) {
				await link.hover();
				await link.focus();
			}
		}
		await page.close();
		// Search results and their excerpts are built from the indexed text of these pages.
		const searching = await watchedPage();
		await searching.page.goto(`${server.url}${PROBE_PAGE}`);
		expect(await search(searching.page, 'probe')).toBeGreaterThan(0);
		await searching.page.close();
		expect([...watch.seen(), ...searching.watch.seen()]).toEqual([]);
	}, 180_000);
});

describe('the real site in Chromium', () => {
	const baseURL = inject('baseURL');

	// What makes the empty lists below and in the sweeps mean something.
	it('the watch records a blocked inline script, with the page it was on', async () => {
		const { page, watch } = await watchedPage();
		await page.goto(`${baseURL}/about/`);
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'alert(1)';
			document.body.append(script);
		});
		await expect
			.poll(() => watch.seen('/about/'))
			.toEqual([expect.stringMatching(/^\/about\/: script-src-elem inline/)]);
		await page.close();
	});

	// Every page on load: tests/browser/every-page.test.ts (at phone width) and the axe sweep in
	// tests/browser/site.test.ts (at desktop width) watch for CSP violations and dialogs.
	it('violates the Content-Security-Policy 0 times while searching and showing a citation', async () => {
		const { page, watch } = await watchedPage();
		await page.goto(`${baseURL}/conditions/crps/`);
		expect(await search(page, 'ketamine liver')).toBeGreaterThan(0);
		// A citation that carries its reference's preview (later ones are titled: one preview a page).
		await page.locator('.kpe-cite-link:has(.kpe-cite-preview)').first().focus();
		await expect
			.poll(() => page.locator('.kpe-cite-link:focus .kpe-cite-preview').isVisible())
			.toBe(true);
		await page.close();
		expect(watch.seen()).toEqual([]);
	});
});
