/** The RSS feed of evidence updates: one item per dated `updates` entry of any page, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { sitePages } from '../site/site-pages.ts';
import { siteUpdates } from '../site/updates.ts';
import { SITE, absoluteUrl } from '../site/site.ts';

export const GET: APIRoute = async () => {
	const updates = siteUpdates(await sitePages());
	return rss({
		title: 'Ketamine Pain Evidence: updates',
		description:
			'Dated changes to the evidence on Ketamine Pain Evidence, an open review of ketamine for chronic pain.',
		site: SITE.url,
		trailingSlash: true,
		items: updates.map((update) => ({
			title: `${update.page.title}: ${update.summary}`,
			description: update.summary,
			pubDate: update.date,
			// The entry in the page's own update history: unique, so it doubles as the item's guid.
			link: absoluteUrl(`${update.page.path}#${update.id}`),
		})),
		customData: '<language>en</language>',
	});
};
