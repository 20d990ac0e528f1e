/**
 * Astro middleware, once per page while the site is built (before Pagefind reads dist/). What can
 * only be known from the finished page is changed on its hast tree, parsed once and serialised by
 * hast-util-to-html (never by rewriting the HTML text):
 * - the page's search-only adjustments (src/site/search/index-markup.ts says what and why);
 * - its Content-Security-Policy, cut to the hashes of the inline scripts and styles it holds
 *   (src/site/page-csp.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { contentDir } from 'virtual:ketamine-pain-evidence';
import synonymsSource from '../content/search-synonyms.yaml?raw';
import { trimPolicyHashes } from './site/page-csp.ts';
import { prepareForSearch } from './site/search/index-markup.ts';
import { parseSynonyms } from './site/search/synonyms.ts';
import { PAGE_SERIALISATION } from './engine/html/serialise.ts';

const synonyms = parseSynonyms(synonymsSource);

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const route = context.locals.starlightRoute;
	const tree = fromHtml(await response.text());
	prepareForSearch(tree, {
		synonyms,
		// Pages written by editors live in the plugin's content folder; study and listing pages are generated.
		editorial: (route?.entry.filePath ?? '').startsWith(`${contentDir}/`),
		title: route?.entry.data.hero?.title ?? route?.entry.data.title,
	});
	trimPolicyHashes(tree);
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(toHtml(tree, PAGE_SERIALISATION), {
		status: response.status,
		statusText: response.statusText,
		headers,
	});
});
