/**
 * Starlight route middleware: what every page's route data needs from the site's address.
 * - Hero action links in frontmatter (`hero.actions[].link`) are written root-relative by editors;
 *   Starlight does not put them under the base path, so they are put there here.
 * - The home page's hero shows a condition chooser in its picture slot (src/plugin/route-middleware/condition-chooser.ts),
 *   with its stylesheet.
 * - Condition pages get JSON-LD: a `MedicalWebPage` about its `MedicalCondition`, with review dates.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { absoluteUrl } from '../../site/site.ts';
import { sitePath } from '../../engine/render/urls.ts';
import { conditionPageJsonLd, jsonForScript } from '../../engine/render/structured-data.ts';
import { CONDITION_LABELS, newestDate } from '../../site/page-meta.ts';
import { conditionChooserHtml } from './condition-chooser.ts';
// The chooser's styles, as a built file for the home page's head: no other page loads them.
import conditionChooserCss from '../../styles/condition-chooser.css?url';

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	const data = route.entry.data;
	const base = import.meta.env.BASE_URL;
	for (const action of data.hero?.actions ?? []) action.link = sitePath(action.link, base);
	if (data.pageType === 'home' && data.hero && !data.hero.image) {
		data.hero.image = { html: conditionChooserHtml((path) => sitePath(path, base)), alt: '' };
		route.head.push({ tag: 'link', attrs: { rel: 'stylesheet', href: conditionChooserCss } });
	}

	const condition = data.conditions?.[0];
	if (data.pageType === 'condition' && condition && data.lastReviewed) {
		const latest = newestDate((data.updates ?? []).map((u) => u.date));
		route.head.push({
			tag: 'script',
			attrs: { type: 'application/ld+json' },
			content: jsonForScript(
				conditionPageJsonLd({
					url: absoluteUrl(context.url.pathname),
					title: data.title,
					description: data.description ?? '',
					condition: CONDITION_LABELS[condition],
					lastReviewed: data.lastReviewed,
					authors: data.authors ?? [],
					reviewers: data.reviewers ?? [],
					dateModified: latest,
				}),
			),
		});
	}
});
