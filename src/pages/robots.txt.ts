/** robots.txt: every page may be indexed; points crawlers at Starlight's sitemap at this build's address. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/site.ts';

export const GET: APIRoute = () =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap-index.xml')}\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
