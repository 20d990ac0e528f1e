/** What a page shows about itself: review dates, authors, and the values Pagefind filters on. */
import type { PageFrontmatter } from './page-frontmatter.ts';
import { CERTAINTY_LABELS } from './evidence/certainty.ts';
import { CONDITION_LABELS } from './taxonomy.ts';

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
