/**
 * Prints each built page's transfer size, gzip -9: its HTML and everything loading it fetches
 * without a reader doing anything — stylesheets (print ones too: browsers fetch them), scripts,
 * module preloads, the JS modules those import statically (recursively), inline module scripts'
 * imports, CSS `@import`s, fonts and images referenced from CSS, `<img>` and icons. Dynamic
 * `import()`s (Pagefind, loaded when the search opens) are left out. Run after `npm run build`:
 *   npm run page-weight [-- /conditions/crps/ …] [--files]
 * A figure, not a test; `npm run bench` compares a condition page with a stock Starlight page.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

export interface Load {
	/** Site path of the file (`/_astro/page.js`), or `(html)` for the page itself. */
	url: string;
	kind: 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
	bytes: number;
	gzip: number;
}

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

function kindOf(url: string): Load['kind'] {
	const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase() ?? '';
	if (ext === 'css') return 'css';
	if (ext === 'js' || ext === 'mjs') return 'js';
	if (['woff2', 'woff', 'ttf', 'otf'].includes(ext)) return 'font';
	if (['svg', 'png', 'jpg', 'jpeg', 'webp', 'avif', 'gif', 'ico'].includes(ext)) return 'image';
	return 'other';
}

/**
 * Static imports in a built JS module: `import x from "./a.js"`, `import "./a.js"`,
 * `export * from "./a.js"` (minified or not). Not `import("…")`: that loads on demand.
 */
const STATIC_IMPORT =
	/(?:^|[;}\s)])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g;
const CSS_URL = /@import\s+(?:url\()?\s*["']?([^"')\s;]+)|url\(\s*["']?([^"')]+?)["']?\s*\)/g;

/** Resolves `ref` (as written in `from`, a site path) to a site path; null for other hosts and data:. */
function resolveRef(ref: string, from: string): string | null {
	if (/^(data|blob|javascript|mailto):/i.test(ref) || ref.startsWith('#')) return null;
	const url = new URL(ref, `http://site${from}`);
	return url.host === 'site' ? url.pathname : null;
}

/** Everything a page loads, the page first; each file once. */
export function pageLoads(dist: string, urlPath: string): Load[] {
	const htmlFile = join(dist, urlPath, urlPath.endsWith('/') ? 'index.html' : '');
	const html = readFileSync(existsSync(htmlFile) ? htmlFile : `${join(dist, urlPath)}.html`);
	const loads: Load[] = [{ url: '(html)', kind: 'html', bytes: html.length, gzip: gz(html) }];
	const seen = new Set<string>();
	const queue: string[] = [];
	const add = (ref: string | undefined, from: string) => {
		const path = ref ? resolveRef(ref.trim(), from) : null;
		if (path && !seen.has(path)) {
			seen.add(path);
			queue.push(path);
		}
	};
	const doc = parse(html.toString());
	for (const link of doc.querySelectorAll('link')) {
		const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
		if (rel.some((r) => ['stylesheet', 'modulepreload', 'preload', 'icon'].includes(r)))
			add(link.getAttribute('href'), urlPath);
	}
	for (const script of doc.querySelectorAll('script')) {
		const src = script.getAttribute('src');
		if (src) add(src, urlPath);
		else if (script.getAttribute('type') === 'module')
			for (const m of script.rawText.matchAll(STATIC_IMPORT)) add(m[1], urlPath);
	}
	for (const img of doc.querySelectorAll('img[src], image[href], video[poster]'))
		add(img.getAttribute('src') ?? img.getAttribute('href') ?? img.getAttribute('poster'), urlPath);
	for (const style of doc.querySelectorAll('style'))
		for (const m of style.rawText.matchAll(CSS_URL)) add(m[1] ?? m[2], urlPath);

	while (queue.length > 0) {
		const path = queue.shift()!;
		const file = join(dist, decodeURIComponent(path));
		if (!existsSync(file) || !statSync(file).isFile()) {
			loads.push({ url: `${path} (missing)`, kind: kindOf(path), bytes: 0, gzip: 0 });
			continue;
		}
		const bytes = readFileSync(file);
		const kind = kindOf(path);
		loads.push({ url: path, kind, bytes: bytes.length, gzip: gz(bytes) });
		if (kind === 'js') for (const m of bytes.toString().matchAll(STATIC_IMPORT)) add(m[1], path);
		if (kind === 'css') for (const m of bytes.toString().matchAll(CSS_URL)) add(m[1] ?? m[2], path);
	}
	return loads;
}

/** The built pages of `dist`, as URL paths. */
export function builtPagePaths(dist: string, dir = dist, prefix = '/'): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory())
			return name === '_astro' || name === 'pagefind'
				? []
				: builtPagePaths(dist, path, `${prefix}${name}/`);
		return name === 'index.html' ? [prefix] : [];
	});
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function main(): void {
	const dist = join(process.cwd(), 'dist');
	const args = process.argv.slice(2);
	const wanted = args.filter((a) => a.startsWith('/'));
	const columns = ['page', 'HTML', 'CSS', 'JS', 'fonts', 'images', 'files', 'total'];
	const rows: string[][] = [];
	for (const path of wanted.length ? wanted : builtPagePaths(dist).sort()) {
		const loads = pageLoads(dist, path);
		const sum = (kinds: Load['kind'][]) =>
			loads.filter((l) => kinds.includes(l.kind)).reduce((s, l) => s + l.gzip, 0);
		rows.push([
			path,
			kb(sum(['html'])),
			kb(sum(['css'])),
			kb(sum(['js'])),
			kb(sum(['font'])),
			kb(sum(['image', 'other'])),
			String(loads.length),
			kb(loads.reduce((s, l) => s + l.gzip, 0)),
		]);
		if (args.includes('--files'))
			for (const l of loads) rows.push([`  ${l.url}`, '', '', '', '', '', l.kind, kb(l.gzip)]);
	}
	const widths = columns.map((_, i) => Math.max(...[columns, ...rows].map((r) => r[i]!.length)));
	for (const row of [columns, ...rows])
		console.log(
			row
				.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
				.join('  '),
		);
}

if (import.meta.main) main();
