/**
 * Every page from `content/` as the update, changelog, feed and JSON-LD code reads it (the Astro
 * side of src/site/updates.ts: that module stays free of Astro imports).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { pageUrl } from '../engine/render/urls.ts';
import type { PageRecord } from './updates.ts';
import { contentDir, evidence } from 'virtual:ketamine-pain-evidence';
import { watchUpdates } from '../watch/currency.ts';

export interface SitePage extends PageRecord {
	entry: CollectionEntry<'docs'>;
}

export async function sitePages(): Promise<SitePage[]> {
	const entries = await getCollection('docs');
	return entries.map((entry) => {
		const file = entry.filePath ?? `${contentDir}/${entry.id}.mdx`;
		return {
			entry,
			path: pageUrl(entry.id),
			title: entry.data.title,
			file,
			// The page's own updates, then one per literature-watch run that changed what it shows.
			updates: [
				...(entry.data.updates ?? []),
				...watchUpdates(pageUrl(entry.id).replace(/^\/|\/$/g, ''), evidence.watch.runs),
			],
			nextReview: entry.data.nextReview,
		};
	});
}
