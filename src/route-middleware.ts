/**
 * Starlight route middleware: escapes the text of the `<title>` head entry.
 *
 * Starlight renders every head entry's content as raw HTML (`set:html`), including the `<title>` built
 * from a page's title. Page titles here come from frontmatter and, on study pages, from BibTeX after
 * LaTeX decoding; the checks refuse markup in both (src/lib/frontmatter-text.ts,
 * src/lib/evidence/entry-text-rules.ts), and this makes the title inert even if a check is missed.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { escapeTitle } from './lib/escape-title.ts';

export const onRequest = defineRouteMiddleware((context) => {
	for (const entry of context.locals.starlightRoute.head) {
		if (entry.tag === 'title' && typeof entry.content === 'string')
			entry.content = escapeTitle(entry.content);
	}
});
