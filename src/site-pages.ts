/**
 * Every page from `content/` as the update, changelog, feed and JSON-LD code reads it (the Astro
 * side of src/lib/updates.ts: that module stays free of Astro imports).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { pageUrl } from './lib/evidence/check-project.ts';
import type { PageRecord } from './lib/updates.ts';

export interface SitePage extends PageRecord {
	entry: CollectionEntry<'docs'>;
}

export async function sitePages(): Promise<SitePage[]> {
	const entries = await getCollection('docs');
	return entries.map((entry) => {
		const file = entry.filePath ?? `content/${entry.id}.mdx`;
		return {
			entry,
			path: pageUrl(file.replace(/^content\//, '')),
			title: entry.data.title,
			file,
			updates: entry.data.updates ?? [],
			nextReview: entry.data.nextReview,
		};
	});
}
