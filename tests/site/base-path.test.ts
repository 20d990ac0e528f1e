/**
 * The site deployed under a base path (a GitHub Pages project site): built again with
 * SITE_URL=https://example.org/kpe/ into its own folder, then every internal address in every page
 * must start with /kpe/ and point to a built file (and anchor) in that folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

const OUT = join(ROOT, 'tests/.artifacts/dist-base');
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

/**
 * The environment of a clean `npm run build`: vitest puts Vite's own variables (BASE_URL='/', MODE,
 * NODE_ENV=test…) into process.env, and Astro would read that BASE_URL over the config's `base`.
 */
function buildEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const name of Object.keys(env)) {
		if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(name)) delete env[name];
	}
	return env;
}

describe(`the site built under the base path ${BASE}`, () => {
	let pages: string[] = [];
	beforeAll(() => {
		rmSync(OUT, { recursive: true, force: true });
		const result = spawnSync(
			process.execPath,
			[join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', OUT],
			{
				cwd: ROOT,
				env: { ...buildEnv(), SITE_URL, ASTRO_TELEMETRY_DISABLED: '1' },
				encoding: 'utf8',
			},
		);
		if (result.status !== 0)
			throw new Error(`base-path build failed:\n${result.stdout}\n${result.stderr}`);
		pages = htmlFiles(OUT);
	}, 400_000);

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
