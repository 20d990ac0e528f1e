/**
 * When the pages the plugin makes were last reviewed. They have no frontmatter of their own, and
 * no facts file records the day it was checked, so their date comes from the editors' frontmatter
 * of the pages in `content/`: never from git, never made up.
 */
import { getCollection } from 'astro:content';
import { newestDate } from '../site/page-meta.ts';

/**
 * The study pages and the studies index: the newest `searchDate`, the day editors last searched the
 * library and checked the facts behind the pages (undefined if no page records one).
 */
export async function libraryReviewed(): Promise<Date | undefined> {
	return newestDate((await getCollection('docs')).map((entry) => entry.data.searchDate));
}
