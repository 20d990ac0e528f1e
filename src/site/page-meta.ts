/** What a page shows about itself: review dates, authors, and the values Pagefind filters on. */
import type { PageFrontmatter } from '../engine/read/page-frontmatter.ts';
import { CERTAINTY_LABELS } from '../engine/grade/certainty.ts';
import { CONDITION_LABELS } from '../engine/read/taxonomy.ts';

/** Re-exported for the pages and components that import it from here; the list lives in taxonomy.ts. */
export { CONDITION_LABELS };

/** "25 November 2026": unambiguous for readers everywhere. */
export function formatDate(date: Date): string {
	return date.toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC',
	});
}

/** Pagefind filter values for a page: its conditions and the certainty levels of its outcomes. */
export function searchFilters(data: Partial<Pick<PageFrontmatter, 'conditions' | 'outcomes'>>): {
	condition: string[];
	certainty: string[];
} {
	return {
		// Starlight's built-in 404 page has none of our fields.
		condition: (data.conditions ?? []).map((c) => CONDITION_LABELS[c]),
		certainty: [...new Set((data.outcomes ?? []).map((o) => CERTAINTY_LABELS[o.certainty].word))],
	};
}

/** One line of a page's meta block: a label and either a date or plain text. */
export interface PageMetaRow {
	label: string;
	date?: Date;
	text?: string;
}

/**
 * The review dates and people a page shows about itself, in reading order. The search date is shown
 * even when missing, so that readers know it was not recorded (the schema requires it on condition
 * and topic pages, so that only happens on other pages).
 */
export function pageMetaRows(
	data: Partial<
		Pick<PageFrontmatter, 'lastReviewed' | 'nextReview' | 'searchDate' | 'authors' | 'reviewers'>
	>,
): PageMetaRow[] {
	const rows: PageMetaRow[] = [];
	if (data.lastReviewed) rows.push({ label: 'Last reviewed', date: data.lastReviewed });
	if (data.nextReview) rows.push({ label: 'Next review', date: data.nextReview });
	rows.push(
		data.searchDate
			? { label: 'Evidence searched', date: data.searchDate }
			: { label: 'Evidence searched', text: 'date not recorded' },
	);
	if (data.authors?.length) rows.push({ label: 'Written by', text: data.authors.join(', ') });
	if (data.reviewers?.length) rows.push({ label: 'Reviewed by', text: data.reviewers.join(', ') });
	return rows;
}

/** `2026-12-01`, for `<time datetime>`. */
export function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/**
 * The newest of some dates, or undefined when none is set. Pages made from others show the newest
 * review among them (the evidence map, its condition pages; the study pages, the library's search).
 */
export function newestDate(dates: Iterable<Date | undefined>): Date | undefined {
	let newest: Date | undefined;
	for (const date of dates) if (date && (!newest || date > newest)) newest = date;
	return newest;
}
