/**
 * Starlight route middleware: what every page's route data needs from the site's address.
 * - Hero action links in frontmatter (`hero.actions[].link`) are written root-relative by editors;
 *   Starlight does not put them under the base path, so they are rebased here.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { sitePath } from './lib/site.ts';

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	for (const action of route.entry.data.hero?.actions ?? []) action.link = sitePath(action.link);
});
