/**
 * Evidence updates and review dates across the site, from each page's frontmatter (`updates`,
 * `nextReview`): one source for the changelog page, the RSS feed, each page's update history and
 * the build's overdue-review warning. Pure: pages are passed in.
 */

export interface PageRecord {
	/** URL path without base, `/conditions/crps/`. */
	path: string;
	title: string;
	/** Source file, `content/conditions/crps.mdx`. */
	file?: string | undefined;
	updates: readonly { date: Date; summary: string }[];
	nextReview?: Date | undefined;
}

export interface SiteUpdate {
	date: Date;
	summary: string;
	page: { path: string; title: string };
	/** Stable id, unique across the site: the feed item's guid and the changelog's anchor. */
	id: string;
}

/** `YYYY-MM-DD` in UTC, as written in frontmatter. */
export function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** Every update of every page, newest first (then by page title, then in the page's own order). */
export function siteUpdates(pages: readonly PageRecord[]): SiteUpdate[] {
	const all = pages.flatMap((page) =>
		page.updates.map((update, index) => ({
			date: update.date,
			summary: update.summary,
			page: { path: page.path, title: page.title },
			id: `${page.path.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home'}-${isoDay(update.date)}-${index + 1}`,
			index,
		})),
	);
	return all
		.sort(
			(a, b) =>
				b.date.getTime() - a.date.getTime() ||
				a.page.title.localeCompare(b.page.title) ||
				a.index - b.index,
		)
		.map(({ index: _index, ...update }) => update);
}

/** Pages whose `nextReview` date has passed on `today`, most overdue first. */
export function overdueReviews(pages: readonly PageRecord[], today: Date): PageRecord[] {
	return pages
		.filter((page) => page.nextReview && page.nextReview.getTime() < today.getTime())
		.sort((a, b) => a.nextReview!.getTime() - b.nextReview!.getTime());
}

/** The build's warning for one overdue page: the file, the date and the fix. */
export function overdueWarning(page: PageRecord, today: Date): string {
	return (
		`${page.file ?? page.path}: review overdue: nextReview ${isoDay(page.nextReview!)} has passed (today ${isoDay(today)}). ` +
		'Fix: re-run the evidence search, update the page, then set lastReviewed to the review day and nextReview at most three years later.'
	);
}
