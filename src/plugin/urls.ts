/** Site URLs, base-aware: every link the evidence code writes goes through here. */

/** Astro's `base` (e.g. `/` or `/kpe/`), always ending in a slash. */
const BASE = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** A site path (`/studies/x/`) under the configured base. */
export function siteUrl(path: string): string {
	return BASE + path.replace(/^\//, '');
}

/** A page's URL from its content id: `conditions/crps` → `/conditions/crps/`; `index` → `/`. */
export function pageUrl(id: string): string {
	const slug = id.replace(/(^|\/)index$/, '');
	return siteUrl(slug ? `${slug}/` : '');
}
