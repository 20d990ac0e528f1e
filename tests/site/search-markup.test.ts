/**
 * What Pagefind reads on every built page (src/site/search/index-markup.ts, src/components/PageTitle.astro):
 * the title out of the indexed text, no two blocks run together, and hidden metadata, never shown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { builtPages } from '../support/dist.ts';
import { DIST } from '../support/paths.ts';

const pages = builtPages().map((path) => ({
	path,
	html: parse(
		readFileSync(join(DIST, path.endsWith('/') ? `${path}index.html` : `${path}.html`), 'utf8'),
	),
}));
const indexed = pages.filter((p) => p.html.querySelector('main[data-pagefind-body]'));

describe('search markup on the built pages', () => {
	it('leaves every page title out of the indexed text (the home page hero too)', () => {
		expect(indexed.length).toBeGreaterThan(100);
		const titled = indexed.filter((p) => p.html.querySelector('main h1#_top'));
		expect(titled.length).toBe(indexed.length);
		const counted = titled.filter(
			(p) => !p.html.querySelector('main h1#_top')!.hasAttribute('data-pagefind-ignore'),
		);
		expect(counted.map((p) => p.path)).toEqual([]);
	});

	it('follows every header cell, term, description, caption and summary with a break', () => {
		const joined: string[] = [];
		for (const { path, html } of indexed) {
			const main = html.querySelector('main[data-pagefind-body]')!;
			for (const el of main.querySelectorAll('th, dt, dd, caption, figcaption, summary, legend')) {
				const next = el.nextSibling;
				if (next && next.nodeType !== 3) joined.push(`${path}: <${el.tagName.toLowerCase()}>`);
			}
		}
		expect(joined).toEqual([]);
	});

	it('puts synonyms and an editorial subject in hidden, unquoted metadata', () => {
		const crps = indexed.find((p) => p.path === '/conditions/crps/')!;
		const block = crps.html.querySelector(
			'main[data-pagefind-body] > div[hidden][data-pagefind-ignore]',
		);
		expect(block?.querySelector('[data-pagefind-meta="subject"]')?.text).toMatch(
			/^Complex regional pain syndrome \(CRPS\); In plain words; /,
		);
		expect(block?.querySelector('[data-pagefind-meta="synonyms"]')?.text).toContain(
			'reflex sympathetic dystrophy',
		);
		const study = indexed.find((p) => p.path.startsWith('/studies/') && p.path !== '/studies/')!;
		expect(study.html.querySelector('[data-pagefind-meta="subject"]')).toBeNull();
	});
});
