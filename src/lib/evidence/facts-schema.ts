/**
 * The schema of a study's facts file, `references/facts/<key>.yaml`.
 *
 * One file per study, named after its BibTeX key, so that two editors adding different studies in
 * parallel pull requests never touch the same file. The BibTeX entry holds the bibliographic record;
 * this file holds what the study did and found, in the editors' own words.
 */
import { z } from 'astro/zod';
import { CONDITIONS } from '../taxonomy.ts';

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
