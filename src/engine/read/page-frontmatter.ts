/**
 * The frontmatter this site adds to Starlight's own page schema.
 *
 * Plain zod schemas, unit-tested and reused by scripts; `src/content.config.ts` passes them to
 * `docsSchema({ extend })`. The engine imports `zod` itself, not Astro's re-export `astro/zod`: the
 * package.json range is Astro's, so npm installs the one copy both use.
 */
import { z } from 'zod';
import { CONDITIONS } from './taxonomy.ts';

export { CONDITIONS };

export const conditionSchema = z.enum(CONDITIONS);
export type Condition = z.infer<typeof conditionSchema>;

/** GRADE certainty levels, plus `not-graded` where the library is too thin to grade an outcome. */
export const CERTAINTY_LEVELS = ['high', 'moderate', 'low', 'very-low', 'not-graded'] as const;
export const certaintySchema = z.enum(CERTAINTY_LEVELS);
export type Certainty = z.infer<typeof certaintySchema>;

/** GRADE's five reasons to rate randomised evidence down. */
export const DOWNGRADE_REASONS = [
	'risk-of-bias',
	'inconsistency',
	'indirectness',
	'imprecision',
	'publication-bias',
] as const;

/** GRADE's three reasons to rate evidence up (mostly observational evidence). */
export const UPGRADE_REASONS = ['large-effect', 'dose-response', 'confounding'] as const;

/** Where GRADE starts: randomised evidence high, observational evidence low. */
export const EVIDENCE_STARTS = ['randomised', 'observational'] as const;

const levelsSchema = z.union([z.literal(1), z.literal(2)]).default(1);

export const outcomeSchema = z.strictObject({
	/**
	 * The outcome and its time point, as a reader would ask it.
	 * @example outcome: Pain at 1 week or later
	 */
	outcome: z.string().min(3),
	/**
	 * BibTeX keys of the studies behind this rating. Numbers of studies and participants are computed
	 * from their facts files, never typed.
	 * @example studies: [noppers2011absence]
	 */
	studies: z.array(z.string().min(1)).min(1),
	/**
	 * Direction and size of the effect as reported, worded to match the certainty (GRADE guideline 26):
	 * high "reduces", moderate "probably reduces", low "may reduce", very low "It is uncertain whether
	 * … because the evidence is very uncertain".
	 */
	effect: z.string().min(10),
	/**
	 * GRADE certainty for this outcome. The check computes it from `start`, `downgrades` and
	 * `upgrades` (or takes it from `adopts`) and refuses a level that differs.
	 * @example certainty: low
	 */
	certainty: certaintySchema,
	/**
	 * Where the rating starts: `randomised` (high) or `observational` (low). Required on every graded
	 * row that does not adopt a review's own rating.
	 * @example start: randomised
	 */
	start: z.enum(EVIDENCE_STARTS).optional(),
	/**
	 * The row takes a review's own GRADE rating as it stands (the review must be among `studies`).
	 * Its note explains the rating; nothing is subtracted from it, so the row lists no `downgrades`.
	 * @example adopts: { review: ferraro2025ketamine, certainty: low, note: The interval is wide. }
	 */
	adopts: z
		.strictObject({
			/** The review whose rating the row takes. @example review: ferraro2025ketamine */
			review: z.string().min(1),
			/** The review authors' rating. @example certainty: low */
			certainty: z.enum(['high', 'moderate', 'low', 'very-low']),
			/** What the rating means here, in one or two sentences. */
			note: z.string().min(3),
		})
		.optional(),
	/**
	 * Each reason the evidence was rated down, shown as a footnote.
	 * @default []
	 */
	downgrades: z
		.array(
			z.strictObject({
				/** @example reason: imprecision */
				reason: z.enum(DOWNGRADE_REASONS),
				/** How many levels this reason costs (1 serious, 2 very serious). @default 1 */
				levels: levelsSchema,
				/** Why, in one sentence. @example note: One trial of 24 people. */
				note: z.string().min(3),
				/**
				 * For `inconsistency` only: the row's studies whose results disagree (two or more, or one
				 * meta-analysis whose pooled trials disagree). Inconsistency is unexplained disagreement
				 * among the studies that make the estimate, so each must be in the row's `studies`.
				 * @example between: [sigtermans2009ketamine, schwartzman2009outpatient]
				 */
				between: z.array(z.string().min(1)).optional(),
			}),
		)
		.default([]),
	/**
	 * Each reason the evidence was rated up (large effect, dose-response, confounding that would
	 * shrink the effect), shown as a footnote.
	 * @default []
	 */
	upgrades: z
		.array(
			z.strictObject({
				/** @example reason: large-effect */
				reason: z.enum(UPGRADE_REASONS),
				/** @default 1 */
				levels: levelsSchema,
				/** Why, in one sentence. */
				note: z.string().min(3),
			}),
		)
		.default([]),
	/**
	 * Where the row's absolute effect comes from: a study and the `id` of one of its `counts` (arm
	 * counts, or a control risk with a relative effect) in its facts file. Without it the table says
	 * "not reported as counts".
	 * @example counts: { study: noppers2011absence, id: relief-50-at-15-min }
	 */
	counts: z.strictObject({ study: z.string().min(1), id: z.string().min(1) }).optional(),
	/**
	 * This row's "out of 100 people" picture is the page's key picture (at most one row per page;
	 * the row needs `counts`).
	 * @example keyPicture: true
	 */
	keyPicture: z.boolean().optional(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

/**
 * A calendar date written as `YYYY-MM-DD` in frontmatter, and a real one: `01.12.2026`, `2026-02-30`
 * and `2026-13-01` are refused, never read as another day. (Astro's YAML reader hands over a
 * `YYYY-MM-DD` value as a Date already; `npm run check` reads the text itself, so it also refuses a
 * day that reader would roll over, such as 30 February.)
 */
export function isRealIsoDate(text: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return (
		!Number.isNaN(date.getTime()) &&
		date.getUTCFullYear() === Number(m[1]) &&
		date.getUTCMonth() + 1 === Number(m[2]) &&
		date.getUTCDate() === Number(m[3])
	);
}
const isoDate = z.union([
	z.date(),
	z
		.string()
		.refine(isRealIsoDate, {
			message: 'Write a real date as YYYY-MM-DD, e.g. 2026-12-01 (year, month 01-12, day).',
		})
		.transform((text) => new Date(`${text}T00:00:00Z`)),
]);

/** Plain text a reader sees as it is: no Markdown, HTML or citation brackets. */
const plainSentence = (what: string) =>
	z
		.string()
		.trim()
		.min(10)
		.max(200)
		.refine((s) => !/[<>[\]`*_]/.test(s), {
			message: `Write ${what} as plain text: no Markdown, HTML or citations (the box shows it as it is; the facts in it must already be cited in the page).`,
		});

/**
 * The first screen of a condition or topic page ("At a glance"): what a patient or clinician needs
 * before anything else. Written in plain words (reading grade 8 or lower: a test measures it) and
 * drawn only from what the page's cited key messages say.
 */
export const glanceSchema = z.strictObject({
	/**
	 * The page's answer to its question, in one plain sentence.
	 * @example answer: We do not know if ketamine drips help CRPS pain; in a trial of 60 people, relief had faded by week 12.
	 */
	answer: plainSentence('`glance.answer`'),
	/**
	 * How sure we are of that answer: the lowest certainty in the page's bottom line.
	 * @example certainty: very-low
	 */
	certainty: certaintySchema,
	/**
	 * The harm a reader most needs to know, in one plain sentence.
	 * @example harm: Long drips can harm the liver.
	 */
	harm: plainSentence('`glance.harm`'),
	/**
	 * The studies the answer and the key harm rest on, by key: each must also be cited in the page's
	 * text, whose reference list numbers it; the box shows those numbers.
	 * @example sources: [ferraro2025ketamine, sigtermans2009ketamine]
	 */
	sources: z.array(z.string().min(1)).min(1),
});
export type Glance = z.infer<typeof glanceSchema>;

/** A calendar date written as `YYYY-MM-DD` in frontmatter. */

/**
 * One dated change to a page's content, as readers should hear about it. The changelog and feed are
 * built from exactly these entries, so the summary is plain text (no Markdown, no citations).
 */
export const pageUpdateSchema = z.strictObject({
	/** The day the change was published. @example date: 2026-12-01 */
	date: isoDate,
	/**
	 * What changed for a reader, in one or two plain sentences.
	 * @example summary: Added the 2025 Cochrane review; pain relief is now rated very low certainty.
	 */
	summary: z
		.string()
		.trim()
		.min(10)
		.max(400)
		.refine((s) => !/[<>[\]`*_]/.test(s), {
			message:
				'Write the summary as plain text: no Markdown, HTML or citations (the feed shows it as it is).',
		}),
});

/**
 * Our fields. Starlight's `docsSchema({ extend })` merges only the object's fields, so the checks
 * across fields live apart in `checkPageFrontmatter` and are applied after the merge.
 */
export const pageFields = z.object({
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
	 * The day the evidence library behind this page was last searched and updated. Shown to readers as
	 * "Evidence searched"; required on condition and topic pages.
	 * @example searchDate: 2026-12-01
	 */
	searchDate: isoDate.optional(),
	/**
	 * Dated changes to the page's content, newest first: the source of the site changelog and feed.
	 * @default []
	 * @example updates: [{ date: 2026-12-01, summary: Weighed the 2025 Cochrane review. }]
	 */
	updates: z.array(pageUpdateSchema).default([]),
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
	/**
	 * Outcomes rated with GRADE, shown in the summary-of-findings table (`::summary-of-findings`).
	 * @default []
	 */
	outcomes: z.array(outcomeSchema).default([]),
	/**
	 * The "At a glance" box that opens the page: its answer, certainty and key harm. Required on
	 * condition and topic pages.
	 * @example glance: { answer: We do not know if …, certainty: very-low, harm: Long drips can harm the liver. }
	 */
	glance: glanceSchema.optional(),
	/**
	 * What readers type when they look for this page, in their own words, for the site search only
	 * (hidden metadata ranked like the page's headings; never shown).
	 * @default []
	 * @example searchKeywords: [how many sessions, how many infusions, dose]
	 */
	searchKeywords: z
		.array(
			z
				.string()
				.trim()
				.min(2)
				.max(80)
				.refine((s) => !/[<>[\]`*_]/.test(s), {
					message: 'Write search keywords as plain words: no Markdown, HTML or citations.',
				}),
		)
		.default([]),
});

/** Checks across fields of a page's frontmatter. */
export function checkPageFrontmatter(data: z.infer<typeof pageFields>, ctx: z.RefinementCtx): void {
	if (data.pageType === 'condition' && data.conditions.length !== 1) {
		ctx.addIssue({
			code: 'custom',
			path: ['conditions'],
			message: 'A condition page names exactly one condition, e.g. `conditions: [fibromyalgia]`.',
		});
	}
	if (data.pageType === 'condition' && (!data.lastReviewed || !data.nextReview)) {
		ctx.addIssue({
			code: 'custom',
			path: [data.lastReviewed ? 'nextReview' : 'lastReviewed'],
			message:
				'A condition page shows when it was last reviewed and when it will be reviewed next: set `lastReviewed` and `nextReview` (YYYY-MM-DD).',
		});
	}
	if ((data.pageType === 'condition' || data.pageType === 'topic') && !data.searchDate) {
		ctx.addIssue({
			code: 'custom',
			path: ['searchDate'],
			message:
				'Condition and topic pages show when their evidence was last searched: set `searchDate` (YYYY-MM-DD).',
		});
	}
	if ((data.pageType === 'condition' || data.pageType === 'topic') && !data.glance) {
		ctx.addIssue({
			code: 'custom',
			path: ['glance'],
			message:
				'Condition and topic pages open with an "At a glance" box: set `glance:` with `answer` (one plain sentence), `certainty` (the bottom line\'s) and `harm` (the key harm, one plain sentence).',
		});
	}
	for (const field of ['answer', 'harm'] as const) {
		const text = data.glance?.[field];
		if (text && text.split(/[.!?](?:\s+|$)/).filter((s) => s.trim()).length > 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['glance', field],
				message: `\`glance.${field}\` is one sentence (it must fit a phone's first screen): join the sentences or keep the most important one.`,
			});
		}
	}
	data.updates.forEach((update, i) => {
		const previous = data.updates[i - 1];
		if (previous && update.date > previous.date) {
			ctx.addIssue({
				code: 'custom',
				path: ['updates', i, 'date'],
				message: 'List `updates` newest first: this entry is newer than the one above it.',
			});
		}
		if (data.lastReviewed && update.date > data.lastReviewed) {
			ctx.addIssue({
				code: 'custom',
				path: ['updates', i, 'date'],
				message:
					'An update is a review of the page: set `lastReviewed` to the date of the newest update or later.',
			});
		}
	});
	// How each outcome's certainty adds up is checked with the evidence (src/engine/grade/grading.ts),
	// which reports it at the outcome's line.
	if (data.outcomes.filter((o) => o.keyPicture).length > 1) {
		ctx.addIssue({
			code: 'custom',
			path: ['outcomes'],
			message: 'A page has one key picture: set `keyPicture: true` on one outcome only.',
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
}

/** Our frontmatter, fields and cross-field checks together (for tests and scripts). */
export const pageFrontmatterSchema = pageFields.superRefine(checkPageFrontmatter);

export type PageFrontmatter = z.infer<typeof pageFrontmatterSchema>;
