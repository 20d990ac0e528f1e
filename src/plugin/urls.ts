/** Site URLs in pages and components, base-aware: links the evidence code writes go through here. */
import { withBase } from '../site/site-url.ts';

/** A site path (`/studies/x/`) under the configured `base`. */
export function siteUrl(path: string): string {
	return withBase(import.meta.env.BASE_URL, path);
}

/** A page's URL from its content id: `conditions/crps` → `/conditions/crps/`; `index` → `/`. */
export function pageUrl(id: string): string {
	const slug = id.replace(/(^|\/)index$/, '');
	return siteUrl(slug ? `${slug}/` : '');
}
