/**
 * The Content-Security-Policy settings for Astro's own CSP support (`security.csp`).
 *
 * Astro hashes the scripts and styles it bundles, but not `<script is:inline>` blocks, which it copies
 * into the page as they are written. Starlight has five of those (theme, search shortcut, sidebar
 * state). Rather than pasting their hashes by hand (they change whenever Starlight does), we hash
 * each inline script of Starlight's components and our own when the config loads. A built-site test
 * checks that every inline script on every page is covered, so a miss fails loudly.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AstroUserConfig } from 'astro';

type Hash = `sha256-${string}`;
type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** `<script is:inline>` bodies, exactly as Astro copies them into pages. */
const INLINE_SCRIPT = /<script\s+is:inline(?![^>]*define:vars)[^>]*>([\s\S]*?)<\/script>/g;

function astroFiles(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...astroFiles(path));
		else if (entry.name.endsWith('.astro')) out.push(path);
	}
	return out;
}

/** SHA-256 hashes of every inline script in the `.astro` files under the given folders. */
export function inlineScriptHashes(dirs: readonly string[]): Hash[] {
	const hashes = new Set<Hash>();
	for (const file of dirs.flatMap(astroFiles)) {
		for (const match of readFileSync(file, 'utf8').matchAll(INLINE_SCRIPT)) {
			hashes.add(`sha256-${createHash('sha256').update(match[1]!).digest('base64')}`);
		}
	}
	return [...hashes].sort();
}

/** Starlight's own components folder, wherever npm installed it. */
function starlightDir(root: string): string {
	// Starlight's `exports` hide package.json and offer its main entry to `import` only; its components
	// are exported plainly, so resolve one and go up to `dist/` (which also holds user-components/).
	const require = createRequire(join(root, 'package.json'));
	return dirname(dirname(require.resolve('@astrojs/starlight/components/Search.astro')));
}

/** The `security.csp` setting: nothing from another origin, no inline script that is not hashed. */
export function contentSecurityPolicy(root: string = process.cwd()): CspConfig {
	return {
		directives: [
			"default-src 'self'",
			"img-src 'self' data:",
			"font-src 'self'",
			"connect-src 'self'",
			"object-src 'none'",
			"base-uri 'self'",
			"form-action 'self'",
		],
		scriptDirective: {
			// Pagefind compiles its WebAssembly index in the browser: 'wasm-unsafe-eval' allows that
			// and nothing else (JavaScript eval stays blocked).
			resources: ["'self'", "'wasm-unsafe-eval'"],
			hashes: inlineScriptHashes([starlightDir(root), join(root, 'src')]),
		},
		styleDirective: {
			// Starlight writes small inline `style` attributes (sidebar depth, icon sizes, the search
			// dialog). Attributes cannot run script; `<style>` elements stay hash-only.
			resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
		},
	};
}
