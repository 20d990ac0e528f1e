/**
 * The condition and topic pages (the reviews, with an "At a glance" box and two layers), read from
 * each page's `pageType` as the site reads it, not from its folder: `content/topics/` also holds the
 * topics overview and the regimens table, which are neither.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchedPages } from '../../src/engine/read/watch-files.ts';

const pages = watchedPages(
	['conditions', 'topics'].flatMap((folder) =>
		readdirSync(join('content', folder))
			.filter((f) => /\.mdx?$/.test(f))
			.map((f) => ({
				file: `${folder}/${f}`,
				source: readFileSync(join('content', folder, f), 'utf8'),
			})),
	),
);

/** Site paths of every condition and topic page: `/conditions/crps/`. */
export const REVIEW_PAGES: readonly string[] = pages.map((p) => `/${p.page}/`);

/** Slugs of the pages of one type: `crps`, `protocols`. */
export function slugsOf(type: 'condition' | 'topic'): string[] {
	return pages.filter((p) => p.pageType === type).map((p) => p.page.split('/')[1]!);
}
