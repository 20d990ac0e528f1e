/**
 * Starlight route middleware: shortens and escapes the text of the `<title>` head entry.
 *
 * A browser tab or a search result shows a short title, so a long page title (a study's full title)
 * is cut at a word in `<title>`; the page's own heading keeps it whole.
 *
 * Starlight renders every head entry's content as raw HTML (`set:html`), including the `<title>` built
 * from a page's title. Page titles here come from frontmatter and, on study pages, from BibTeX after
 * LaTeX decoding; the checks refuse markup in both (src/engine/check/frontmatter-text.ts,
 * src/engine/check/entry-text-rules.ts), and this makes the title inert even if a check is missed.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { escapeHtml } from '../../engine/html/serialise.ts';
import { truncateText } from '../../engine/read/text-safety.ts';

/** Characters of the page title kept in `<title>` (before " | Ketamine Pain Evidence"). */
export const TAB_TITLE_MAX = 100;

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	const title = route.entry.data.title;
	for (const entry of route.head) {
		if (entry.tag !== 'title' || typeof entry.content !== 'string') continue;
		if (entry.content.startsWith(title))
			entry.content = truncateText(title, TAB_TITLE_MAX) + entry.content.slice(title.length);
		entry.content = escapeHtml(entry.content);
	}
});
