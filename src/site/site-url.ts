/** Site paths under Astro's `base` (`/` by default, `/docs/` when the site is served from a folder). */
export function withBase(base: string, path: string): string {
	return base.replace(/\/?$/, '/') + path.replace(/^\//, '');
}
