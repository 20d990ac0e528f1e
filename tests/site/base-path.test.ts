/**
 * The site deployed under a base path (a GitHub Pages project site): a copy of the project built
 * with SITE_URL=https://example.org/kpe/ (tests/support/project-copy.ts), then every internal address in every page
 * must start with /kpe/ and point to a built file (and anchor) in that folder.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProjectCopy, type BuiltCopy } from '../support/project-copy.ts';

/** Where the copy's build is, once built. */
let OUT = '';
const BASE = '/kpe/';
const SITE_URL = 'https://example.org/kpe/';

function htmlFiles(dir: string): string[] {
	const files: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'pagefind' && entry.name !== '_astro') files.push(...htmlFiles(path));
		} else if (entry.name.endsWith('.html')) files.push(path);
	}
	return files;
}

/** `/kpe/conditions/crps/` → the built file it is served from, or undefined. */
function builtFile(pathname: string): string | undefined {
	const rel = decodeURIComponent(pathname.slice(BASE.length));
	const candidates =
		rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
	return candidates.map((c) => join(OUT, c)).find((f) => existsSync(f));
}

describe(`the site built under the base path ${BASE}`, () => {
	let pages: string[] = [];
	let site: BuiltCopy | undefined;
	beforeAll(() => {
		site = buildProjectCopy('base-path-site', { env: { SITE_URL } });
		OUT = site.dist;
		pages = htmlFiles(OUT);
	}, 400_000);
	afterAll(() => site?.cleanup());

	it('builds every page', () => {
		expect(pages.length).toBeGreaterThan(100);
	});

	it('every internal link, image, script and stylesheet resolves under the base path', () => {
		const ids = new Map<string, Set<string>>();
		const idsOf = (file: string) => {
			if (!ids.has(file))
				ids.set(
					file,
					new Set(
						parse(readFileSync(file, 'utf8'))
							.querySelectorAll('[id]')
							.map((el) => el.id),
					),
				);
			return ids.get(file)!;
		};
		const broken: string[] = [];
		let checked = 0;
		for (const file of pages) {
			const pagePath =
				'/' +
				relative(OUT, file)
					.split(sep)
					.join('/')
					.replace(/index\.html$/, '');
			const root = parse(readFileSync(file, 'utf8'));
			const refs = [
				...root.querySelectorAll('a[href], link[href]').map((el) => el.getAttribute('href')!),
				...root.querySelectorAll('script[src], img[src]').map((el) => el.getAttribute('src')!),
			];
			for (const ref of refs) {
				if (/^(https?:|mailto:|data:)/.test(ref)) continue;
				const url = new URL(ref, `http://host${BASE}${pagePath.slice(1)}`);
				checked++;
				if (!url.pathname.startsWith(BASE)) {
					broken.push(`${pagePath}: ${ref} (outside ${BASE})`);
					continue;
				}
				const target = builtFile(url.pathname);
				if (!target) {
					broken.push(`${pagePath}: ${ref} (no such file)`);
					continue;
				}
				const hash = decodeURIComponent(url.hash.slice(1));
				if (hash && hash !== '_top' && target.endsWith('.html') && !idsOf(target).has(hash))
					broken.push(`${pagePath}: ${ref} (no such anchor)`);
			}
		}
		expect(checked).toBeGreaterThan(1000);
		expect(broken).toEqual([]);
	}, 120_000);

	it('the sitemap, canonical links and robots.txt use the full address with the base path', () => {
		const sitemap = readFileSync(join(OUT, 'sitemap-0.xml'), 'utf8');
		const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
		expect(locs.length).toBe(pages.filter((p) => !p.endsWith('404.html')).length);
		for (const loc of locs) expect(loc.startsWith(SITE_URL)).toBe(true);
		const crps = parse(readFileSync(join(OUT, 'conditions/crps/index.html'), 'utf8'));
		expect(crps.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
			`${SITE_URL}conditions/crps/`,
		);
		expect(readFileSync(join(OUT, 'robots.txt'), 'utf8')).toContain(
			`Sitemap: ${SITE_URL}sitemap-index.xml`,
		);
	});
});
