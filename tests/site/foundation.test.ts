import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, readPage, visibleText } from '../support/dist.ts';
import { DIST } from '../support/paths.ts';

const CONDITION_PAGES = [
	['Fibromyalgia', '/conditions/fibromyalgia/'],
	['Migraine and headache', '/conditions/migraine/'],
	['Neuropathic pain', '/conditions/neuropathic-pain/'],
	['Phantom limb pain', '/conditions/phantom-limb-pain/'],
	['Complex regional pain syndrome (CRPS)', '/conditions/crps/'],
] as const;

describe('the built site', () => {
	const pages = builtPages();

	it('has a page for each of the five conditions', () => {
		for (const [, href] of CONDITION_PAGES) expect(pages).toContain(href);
	});

	it('home page says what the site is and is not', () => {
		const home = readPage('/');
		const text = visibleText(home.querySelector('main'));
		expect(text).toContain('What this site is');
		expect(text).toMatch(/not medical advice/i);
		expect(home.querySelector('main a[href="/about/disclaimer/"]')).not.toBeNull();
	});

	it('groups the five conditions in the sidebar apart from topic pages', () => {
		const page = readPage('/conditions/crps/');
		const groups = page.querySelectorAll('nav[aria-label="Main"] details');
		const byLabel = new Map(
			groups.map((group) => [visibleText(group.querySelector('summary')), group] as const),
		);
		const conditions = byLabel.get('Conditions');
		expect(conditions, 'a "Conditions" sidebar group').toBeDefined();
		const links = conditions!
			.querySelectorAll('a')
			.map((a) => [visibleText(a), a.getAttribute('href')]);
		expect(links).toEqual(CONDITION_PAGES.map(([label, href]) => [label, href]));
		expect(byLabel.has('Topics')).toBe(true);
		expect(visibleText(byLabel.get('Topics'))).not.toMatch(/Fibromyalgia/);
	});

	it.each(pages)('%s has a language, a title and a description', (path) => {
		const page = readPage(path);
		expect(page.querySelector('html')?.getAttribute('lang')).toBe('en');
		expect(visibleText(page.querySelector('title')).length).toBeGreaterThan(3);
		expect(
			page.querySelector('meta[name="description"]')?.getAttribute('content')?.length,
		).toBeGreaterThan(20);
	});

	it.each(pages)('%s loads nothing from another host', (path) => {
		const page = readPage(path);
		// Links a browser never fetches by itself (canonical, alternate) may name other hosts.
		const notFetched = new Set(['canonical', 'alternate', 'sitemap']);
		const fetched = page
			.querySelectorAll('script[src], img[src], iframe[src], source[src], link[href]')
			.filter((el) => !notFetched.has(el.getAttribute('rel') ?? ''))
			.map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? '');
		expect(fetched.filter((url) => /^(https?:)?\/\//.test(url))).toEqual([]);
		expect(page.toString()).not.toMatch(/@import\s+url\(\s*['"]?https?:/);
	});

	it('ships a Pagefind index built offline', () => {
		expect(existsSync(join(DIST, 'pagefind/pagefind.js'))).toBe(true);
	});

	it('ships a favicon, so no page logs a 404', () => {
		expect(existsSync(join(DIST, 'favicon.svg'))).toBe(true);
	});
});
