/**
 * Site addresses: the one place a path on the site is made. A page is served under Astro's `base`
 * (`/` by default, `/repo/` for a GitHub Pages project site), so every link the engine's
 * renderers, the Markdown plugins, the components and the routes write is made here, with the base
 * passed in (`import.meta.env.BASE_URL` in components and routes, the plugin's `base` option in the
 * renderers): finished HTML is never rebased afterwards. Pure TypeScript, no environment: the full
 * public address (origin included) is `absoluteUrl` in site.ts.
 */

/**
 * A root-relative path (`/studies/x/`) as the built site links it: under the base path when there
 * is one (`/kpe/studies/x/`), never twice. Anything else (`#ref-1`, `https://…`, `mailto:`,
 * protocol-relative `//host`) is returned as it is.
 */
export function sitePath(path: string, base: string): string {
	if (!path.startsWith('/') || path.startsWith('//')) return path;
	const prefix = base.replace(/\/?$/, '/');
	if (prefix === '/' || path === prefix.slice(0, -1) || path.startsWith(prefix)) return path;
	return prefix.slice(0, -1) + path;
}

/**
 * A content page's address from its collection id or its file path under `content/`:
 * `conditions/crps` and `conditions/crps.mdx` → `/conditions/crps/`; `index` → `/`.
 */
export function pageUrl(page: string, base = '/'): string {
	const slug = page.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
	return sitePath(slug ? `/${slug}/` : '/', base);
}

/** A study's own page: `/studies/<key>/`. */
export function studyUrl(key: string, base = '/'): string {
	return sitePath(`/studies/${encodeURIComponent(key)}/`, base);
}
