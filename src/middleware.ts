/**
 * Astro middleware, once per page while the site is built (before Pagefind reads dist/):
 * - adjusts the page for the search index (src/site/search/index-markup.ts says what and why);
 * - cuts its Content-Security-Policy to the hashes of the inline scripts and styles it holds
 *   (src/site/page-csp.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import synonymsSource from '../content/search-synonyms.yaml?raw';
import { trimPolicyHashes } from './site/page-csp.ts';
import { prepareForSearch } from './site/search/index-markup.ts';
import { parseSynonyms } from './site/search/synonyms.ts';

const synonyms = parseSynonyms(synonymsSource);

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	// Pages written by editors live in content/; study and listing pages are generated.
	const filePath = context.locals.starlightRoute?.entry.filePath ?? '';
	const html = trimPolicyHashes(
		prepareForSearch(await response.text(), {
			synonyms,
			editorial: filePath.startsWith('content/'),
		}),
	);
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
