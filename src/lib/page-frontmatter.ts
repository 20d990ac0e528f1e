/**
 * The frontmatter this site adds to Starlight's own page schema.
 *
 * Pure zod (no Astro imports) so it can be unit-tested and reused by scripts; `src/content.config.ts`
 * passes it to `docsSchema({ extend })`.
 */
import { z } from 'zod';

/** The conditions that have a page of their own. The slug doubles as the Pagefind filter value. */
export const CONDITIONS = [
	'fibromyalgia',
	'migraine',
	'neuropathic-pain',
	'phantom-limb-pain',
	'crps',
	'chronic-low-back-pain',
	'arthritis',
	'endometriosis',
	'cancer-pain',
] as const;

export const conditionSchema = z.enum(CONDITIONS);

/** A calendar date written as `YYYY-MM-DD` in frontmatter. */
const isoDate = z.coerce.date();

export const pageFrontmatterSchema = z
	.object({
		/**
		 * What kind of page this is. Decides where it sits in the sidebar and which checks apply to it.
		 * @default 'about'
		 * @example pageType: condition
		 */
		pageType: z.enum(['home', 'condition', 'topic', 'about']).default('about'),
		/**
		 * The conditions a page is about. Condition pages name exactly one.
		 * @default []
		 * @example conditions: [fibromyalgia]
		 */
		conditions: z.array(conditionSchema).default([]),
		/**
		 * The day an editor last checked this page against the evidence library.
		 * @example lastReviewed: 2026-11-25
		 */
		lastReviewed: isoDate.optional(),
		/**
		 * The day by which the page must be reviewed again (at most three years after `lastReviewed`).
		 * @example nextReview: 2027-11-25
		 */
		nextReview: isoDate.optional(),
		/**
		 * The day the literature search behind this page was run.
		 * @example searchDate: 2026-11-24
		 */
		searchDate: isoDate.optional(),
		/**
		 * The people who wrote the page.
		 * @default []
		 * @example authors: [Ketamine Pain Evidence editors]
		 */
		authors: z.array(z.string().min(1)).default([]),
		/**
		 * The people who checked the page before it was published.
		 * @default []
		 */
		reviewers: z.array(z.string().min(1)).default([]),
	})
	.superRefine((data, ctx) => {
		if (data.pageType === 'condition' && data.conditions.length !== 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['conditions'],
				message: 'A condition page names exactly one condition, e.g. `conditions: [fibromyalgia]`.',
			});
		}
		if (data.lastReviewed && data.nextReview) {
			const threeYears = 3 * 366 * 24 * 60 * 60 * 1000;
			if (data.nextReview <= data.lastReviewed) {
				ctx.addIssue({
					code: 'custom',
					path: ['nextReview'],
					message: '`nextReview` must come after `lastReviewed`.',
				});
			} else if (data.nextReview.getTime() - data.lastReviewed.getTime() > threeYears) {
				ctx.addIssue({
					code: 'custom',
					path: ['nextReview'],
					message: '`nextReview` must be at most three years after `lastReviewed`.',
				});
			}
		}
	});

export type PageFrontmatter = z.infer<typeof pageFrontmatterSchema>;
