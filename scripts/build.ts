/**
 * `npm run build`: builds the site with Astro's own API, printing what a person needs: problems
 * (Astro's warnings and errors), how many pages were built, and how long it took. Astro's CLI has
 * only `--silent` (which hides warnings too) and `--verbose`; its list of every route written (one
 * line per page, 400 lines) is info-level, so it is shown only with `npm run build -- --verbose`.
 */
import { build } from 'astro';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const verbose = process.argv.includes('--verbose');
/** `--root <dir>`: build another project (tests build fixtures with it). */
const rootAt = process.argv.indexOf('--root');
const root = rootAt >= 0 ? process.argv[rootAt + 1]! : process.cwd();
const started = performance.now();

/** HTML pages under `dir`, however deep. */
function countPages(dir: string): number {
	return readdirSync(dir, { withFileTypes: true, recursive: true }).filter(
		(entry) => entry.isFile() && entry.name.endsWith('.html'),
	).length;
}

try {
	await build({ root, logLevel: verbose ? 'info' : 'warn' });
} catch (error) {
	// Astro's own errors carry where (loc) and how to fix it (hint): keep both.
	const { message, hint, loc } = error as {
		message: string;
		hint?: string;
		loc?: { file?: string; line?: number; column?: number };
	};
	const where = loc?.file
		? ` (${loc.file}${loc.line ? `:${loc.line}:${loc.column ?? 0}` : ''})`
		: '';
	console.error(`Build failed${where}: ${message}${hint ? `\n  Hint: ${hint}` : ''}`);
	process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
	`Built ${countPages(join(root, 'dist'))} pages into dist/ in ${seconds} s.` +
		(verbose ? '' : ' (Every route: npm run build -- --verbose)'),
);
