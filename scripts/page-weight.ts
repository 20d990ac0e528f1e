/**
 * Prints each built page's own transfer size: its HTML plus the CSS and JS it links, gzip -9,
 * search assets (Pagefind, loaded only when the search opens) aside. Run after `npm run build`:
 *   npm run page-weight [-- /conditions/crps/ …]
 * A figure, not a test: compare against a stock Starlight page of similar length (about 24 KB).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

const dist = join(process.cwd(), 'dist');
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function pages(dir = dist, prefix = '/'): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory())
			return name === '_astro' || name === 'pagefind' ? [] : pages(path, `${prefix}${name}/`);
		return name === 'index.html' ? [prefix] : [];
	});
}

const wanted = process.argv.slice(2).filter((a) => a.startsWith('/'));
const rows: string[][] = [];
for (const path of wanted.length ? wanted : pages().sort()) {
	const html = readFileSync(join(dist, path, 'index.html'));
	const doc = parse(html.toString());
	const assets = [
		...doc.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href')!),
		...doc.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!),
	].filter((href) => href.startsWith('/') && !href.includes('pagefind'));
	const css = assets
		.filter((a) => a.endsWith('.css'))
		.reduce((sum, a) => sum + gz(readFileSync(join(dist, a))), 0);
	const js = assets
		.filter((a) => a.endsWith('.js'))
		.reduce((sum, a) => sum + gz(readFileSync(join(dist, a))), 0);
	const h = gz(html);
	rows.push([path, kb(h), kb(css), kb(js), kb(h + css + js)]);
}
const widths = [0, 1, 2, 3, 4].map((i) =>
	Math.max(...[['page', 'HTML', 'CSS', 'JS', 'total'], ...rows].map((r) => r[i]!.length)),
);
for (const row of [['page', 'HTML', 'CSS', 'JS', 'total'], ...rows]) {
	console.log(
		row
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
			.join('  '),
	);
}
