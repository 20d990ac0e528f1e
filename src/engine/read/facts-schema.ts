/**
 * The schema of a study's facts file, `references/facts/<key>.yaml`.
 *
 * One file per study, named after its BibTeX key, so that two editors adding different studies in
 * parallel pull requests never touch the same file. The BibTeX entry holds the bibliographic record;
 * this file holds what the study did and found, in the editors' own words.
 */
import { z } from 'zod';
import { CONDITIONS } from './taxonomy.ts';

/**
 * Study designs, from strongest to weakest for "does this intervention help?" (OCEBM 2011). Evidence
 * tables sort by this order: a meta-analysis (a systematic review that pools results) comes before a
 * systematic review without pooling, and narrative reviews come after every study design.
 */
export const DESIGNS = [
	'meta-analysis',
	'systematic-review',
	'rct',
	'crossover-rct',
	'cohort',
	'retrospective',
	'cross-sectional',
	'case-series',
	'case-report',
	'narrative-review',
	'guideline',
	'regulatory-alert',
	'preclinical',
] as const;

/** Human labels for each design, as shown in evidence tables. */
export const DESIGN_LABELS: Record<(typeof DESIGNS)[number], string> = {
	'systematic-review': 'Systematic review',
	'meta-analysis': 'Meta-analysis',
	rct: 'Randomised trial',
	'crossover-rct': 'Randomised crossover trial',
	cohort: 'Cohort study',
	retrospective: 'Retrospective study',
	'cross-sectional': 'Cross-sectional study',
	'case-series': 'Case series',
	'case-report': 'Case report',
	'narrative-review': 'Narrative review',
	guideline: 'Guideline',
	'regulatory-alert': 'Regulatory alert',
	preclinical: 'Preclinical (animal or cell) study',
};

/** Topics a source informs, besides the conditions it studied. */
export const TOPICS = [
	'general',
	'mechanism',
	'protocol',
	'safety',
	'guideline',
	'depression',
	'comorbidity',
	'regulatory',
] as const;

const text = z.string().trim().min(1);

/** One arm of a comparison: events out of people, or a percentage where only that was reported. */
const armSchema = z
	.strictObject({
		/** People with the outcome. @example events: 8 */
		events: z.number().int().min(0).optional(),
		/** People in the arm. @example total: 12 */
		total: z.number().int().positive().optional(),
		/** The arm's percentage, where the source gave a percentage rather than counts. @example percent: 76 */
		percent: z.number().min(0).max(100).optional(),
		/** What the arm got, when not the study's comparator as a whole. @example label: midazolam */
		label: text.optional(),
	})
	.refine((a) => (a.events !== undefined && a.total !== undefined) || a.percent !== undefined, {
		message: 'give `events` and `total`, or the `percent` the source reported',
	})
	.refine((a) => a.events === undefined || a.total === undefined || a.events <= a.total, {
		message: '`events` cannot exceed `total`',
	});

/**
 * Numbers for an absolute effect, exactly as the source reported them: events per arm, or a control
 * risk with a relative effect (risk ratio or odds ratio) and its interval. Never derived or guessed.
 */
export const countSchema = z
	.strictObject({
		/** How a summary-of-findings row names this count. @example id: relief-50-at-15-min */
		id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and `-`'),
		/** What was counted, as a reader would say it. @example outcome: More than half the pain gone at 15 minutes */
		outcome: text,
		/**
		 * The arms are the same people (a crossover trial): no interval is computed from the arm counts.
		 * @example paired: true
		 */
		paired: z.boolean().optional(),
		/** The facts field the numbers were read from. @example from: result */
		from: z.enum(['result', 'adverseEffects', 'keyFacts', 'comparator']),
		/** The ketamine arm. */
		ketamine: armSchema.optional(),
		/** The comparison arm (placebo or the active comparator; say which in `label`). */
		control: armSchema.optional(),
		/** A relative effect with its 95% interval, when the source gave one. */
		relative: z
			.strictObject({
				measure: z.enum(['RR', 'OR']),
				estimate: z.number().positive(),
				low: z.number().positive(),
				high: z.number().positive(),
			})
			.refine((r) => r.low <= r.estimate && r.estimate <= r.high, {
				message: 'the interval must contain the estimate (`low` ≤ `estimate` ≤ `high`)',
			})
			.optional(),
	})
	.refine((c) => (c.ketamine && c.control) || (c.relative && c.control), {
		message:
			'give both arms (`ketamine` and `control`), or the `control` risk with a `relative` effect',
	});
export type StudyCount = z.infer<typeof countSchema>;

export const studyFactsSchema = z.strictObject({
	/**
	 * The BibTeX key of the study. Must match the file name and an entry in `references/*.bib`.
	 * @example key: noppers2011absence
	 */
	key: z
		.string()
		.regex(/^[A-Za-z0-9_:.-]+$/, 'a BibTeX key: letters, digits, `_`, `:`, `.` or `-`'),
	/**
	 * Whether title, first author, journal, year and DOI or PMID were all seen in a published record.
	 * `false` keeps the study citable but shows no DOI/PubMed link for it.
	 */
	verified: z.boolean(),
	/**
	 * The conditions the study enrolled people with (or a review covered).
	 * @default []
	 * @example conditions: [fibromyalgia]
	 */
	conditions: z.array(z.enum(CONDITIONS)).default([]),
	/**
	 * Topic pages this source informs.
	 * @default []
	 * @example topics: [safety, protocol]
	 */
	topics: z.array(z.enum(TOPICS)).default([]),
	/** The study design. @example design: crossover-rct */
	design: z.enum(DESIGNS),
	/**
	 * People analysed (or enrolled, if only that was given); `null` when the source gives no number
	 * (guidelines, narrative reviews).
	 * @example n: 24
	 */
	n: z.number().int().positive().nullable(),
	/** How ketamine was given. @example route: intravenous */
	route: text.optional(),
	/** Dose, duration and number of sessions, as reported. */
	regimen: text.optional(),
	/** What ketamine was compared with. @example comparator: Active placebo (midazolam 5 mg) */
	comparator: text.optional(),
	/** How long people were followed after treatment. @example followUp: 8 weeks */
	followUp: text.optional(),
	/** The outcomes measured. */
	outcome: text.optional(),
	/** What the study found, in our own words, with numbers as the source gave them. */
	result: text.optional(),
	/** Side effects and harms reported, in our own words. */
	adverseEffects: text.optional(),
	/**
	 * People in the comparison a summary-of-findings row rests on, when fewer than `n` (e.g. only
	 * responders went on to be randomised). Rows count these people, not `n`.
	 * @example nCompared: 15
	 */
	nCompared: z.number().int().positive().optional(),
	/**
	 * For reviews: library studies the review is known to include, where the source names them.
	 * A row listing the review and one of these counts that study's people once.
	 * @default []
	 */
	includes: z.array(z.string().min(1)).default([]),
	/**
	 * Counts for absolute effects ("out of 100 people"), only where the source reports them.
	 * @default []
	 */
	counts: z.array(countSchema).default([]),
	/** Further findings (for reviews, guidelines and mechanism sources), one per item, in our own words. */
	keyFacts: z.array(text).default([]),
	/** For editors, not shown: limits of the record that a sentence built on it must respect. */
	caveats: text.optional(),
	/**
	 * For editors, not shown: where anyone can check the study itself, its DOI (`https://doi.org/…`),
	 * PubMed record, publisher page or issuing body. Never a mirror, an uploaded copy or a bare IP
	 * address (tests/unit/evidence/facts-sources.test.ts holds the allowed hosts). Empty when no such
	 * record was found; `caveats` then says where the facts were read.
	 * @default []
	 */
	sources: z.array(z.url({ protocol: /^https?$/ })).default([]),
	/** For editors, not shown: which bibliographic fields were seen in a published record. */
	verifiedFields: z.array(z.string()).default([]),
	/**
	 * A retraction, withdrawal or expression of concern, as the literature watch found it (PubMed
	 * "Retracted Publication", Crossref `updated-by`). A retracted or withdrawn study keeps its study
	 * page, which shows the notice, but `npm run check` refuses any page that cites it as evidence.
	 * @example retraction: { type: retraction, date: 2027-01-15, source: crossref, notice: https://doi.org/10.1016/x }
	 */
	retraction: z
		.strictObject({
			type: z.enum(['retraction', 'withdrawal', 'expression-of-concern']),
			/** The notice's date, or the day the watch found it when the source gives none. */
			date: z.iso.date(),
			/** Where it was found. */
			source: z.enum(['pubmed', 'crossref', 'publisher']),
			/** The notice itself (its DOI link or PubMed record). */
			notice: z.url({ protocol: /^https?$/ }).optional(),
		})
		.optional(),
});

/** A retraction or withdrawal ends a study's use as evidence; an expression of concern does not. */
export function isWithdrawn(retraction: { type: string }): boolean {
	return retraction.type === 'retraction' || retraction.type === 'withdrawal';
}

export type StudyFacts = z.infer<typeof studyFactsSchema>;
