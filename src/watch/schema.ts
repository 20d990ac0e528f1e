/**
 * The literature watch as data: the search protocol (`references/watch/search.yaml` for what every
 * search shares, `references/watch/protocol/<page>.yaml` per condition or topic page), the editors'
 * decision log (`references/watch/decisions.yaml`) and the run records the watch writes
 * (`references/watch/runs/<id>.json`). Plain zod (Astro's copy), no Astro imports.
 */
import { z } from 'zod';

const text = z.string().trim().min(1);

/** How often the watch searches; the workflow runs weekly, a monthly protocol skips three weeks of four. */
export const CADENCES = ['weekly', 'monthly'] as const;

/** What every protocol shares: the intervention block, the design filters and the contact sent to NCBI. */
export const searchSchema = z.strictObject({
	/** Sent as `tool=` to E-utilities, as NCBI asks. @example tool: ketamine-pain-evidence */
	tool: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and `-` only'),
	/** The intervention, for every page: ketamine, esketamine and other NMDA receptor antagonists. */
	intervention: z.strictObject({
		/** PubMed syntax. */
		pubmed: text,
		/** Europe PMC syntax. */
		europepmc: text,
		/** ClinicalTrials.gov `query.intr` (Essie syntax). */
		clinicaltrials: text,
	}),
	/** Published design filters, ORed together and ANDed with the intervention and the page's concept. */
	filters: z.strictObject({
		randomisedTrials: z.strictObject({
			/** Its published name, as the methods page shows it. */
			name: text,
			/** Where it is published. */
			source: text,
			pubmed: text,
		}),
		systematicReviews: z.strictObject({ name: text, source: text, pubmed: text }),
		/** Europe PMC has no such published filter: words for trials and reviews. */
		europepmc: z.strictObject({ name: text, query: text }),
	}),
});

export type SearchSettings = z.infer<typeof searchSchema>;

/** One page's protocol: `references/watch/protocol/<slug>.yaml`. */
export const protocolSchema = z.strictObject({
	/**
	 * The page this protocol keeps current, as its path under `content/` without extension.
	 * @example page: conditions/crps
	 */
	page: z.string().regex(/^(conditions|topics)\/[a-z0-9-]+$/, 'conditions/<slug> or topics/<slug>'),
	/** How often to search. @example cadence: weekly */
	cadence: z.enum(CADENCES),
	/** Inclusion criteria in words (PICO and designs), shown on the methods page. */
	criteria: z.strictObject({
		population: text,
		intervention: text,
		comparator: text,
		outcomes: text,
		designs: text,
	}),
	/** The page's concept (the condition, or the topic), ANDed with the intervention and the filters. */
	pubmed: z.strictObject({ concept: text }),
	europepmc: z.strictObject({ concept: text }),
	/** ClinicalTrials.gov v2: `query.cond` (the intervention comes from search.yaml); none for topics. */
	clinicaltrials: z.strictObject({ cond: text }).optional(),
});

export type Protocol = z.infer<typeof protocolSchema>;

/** Why a record was excluded: a fixed list, so counts by reason mean the same on every page. */
export const EXCLUSION_REASONS = {
	'not-ketamine': 'Not ketamine or another NMDA receptor antagonist',
	'not-chronic-pain': 'Not chronic pain (or not the condition of the page)',
	'not-humans': 'Not in humans',
	'wrong-design': 'Not a design the protocol includes',
	'wrong-outcome': 'No outcome the protocol includes',
	duplicate: 'Duplicate of a record already screened or in the library',
	'no-results-yet': 'No results yet (protocol or registration only)',
	retracted: 'Retracted',
} as const;

export type ExclusionReason = keyof typeof EXCLUSION_REASONS;

/** `pmid:123`, `doi:10.1/x` (lower case), `nct:NCT01234567` or `epmc:PPR123456`. */
export const RECORD_ID = /^(pmid:\d+|doi:10\.\S+|nct:NCT\d{8}|epmc:[A-Z]+:?[A-Za-z0-9]+)$/;

/** One screening decision in `references/watch/decisions.yaml`. */
export const decisionSchema = z.strictObject({
	/** The record, as the report and CSV name it. @example record: pmid:41234567 */
	record: z
		.string()
		.regex(RECORD_ID, 'a record id from the report: pmid:…, doi:…, nct:NCT… or epmc:…'),
	/** @example decision: excluded */
	decision: z.enum(['included', 'excluded']),
	/** For `excluded`: one reason from the fixed list (checked with its own error, see below). */
	reason: z.string().optional(),
	/** For `included`: the BibTeX key it was added under with `npm run add-study`, once added. */
	key: z.string().optional(),
	/** The day of the decision. @example date: 2026-12-09 */
	date: z.iso.date(),
	/** Who decided (initials or name). */
	by: text.optional(),
	/** Anything a second screener should know. */
	note: text.optional(),
});

export const decisionLogSchema = z.strictObject({
	decisions: z.array(decisionSchema).default([]),
});

export type Decision = z.infer<typeof decisionSchema>;

/** The designs the report sorts by: randomised trials first, then reviews, then the rest. */
export const RECORD_KINDS = ['randomised-trial', 'review', 'trial-registration', 'other'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const SOURCES = ['pubmed', 'europepmc', 'clinicaltrials', 'crossref'] as const;
export type SourceName = (typeof SOURCES)[number];

/** A record found by a run, merged across sources. */
export const foundRecordSchema = z.strictObject({
	id: z.string().regex(RECORD_ID),
	title: z.string(),
	abstract: z.string().default(''),
	doi: z.string().optional(),
	pmid: z.string().optional(),
	nct: z.string().optional(),
	firstAuthor: z.string().optional(),
	year: z.number().int().optional(),
	journal: z.string().optional(),
	kind: z.enum(RECORD_KINDS),
	/** Publication types as the source gave them (PubMed `pubtype`, Europe PMC `pubType`). */
	types: z.array(z.string()).default([]),
	sources: z.array(z.enum(SOURCES)),
	/** Protocol pages whose search found it. */
	pages: z.array(z.string()),
	/** Already known: the library entry or the earlier decision it matches, and how. */
	duplicateOf: z
		.strictObject({
			of: z.enum(['library', 'decision', 'earlier-run']),
			key: z.string(),
			by: z.enum(['doi', 'pmid', 'nct', 'title']),
		})
		.optional(),
});

export type FoundRecord = z.infer<typeof foundRecordSchema>;

/** A registered trial of ketamine for a condition, as ClinicalTrials.gov gave it. */
export const trialSchema = z.strictObject({
	nct: z.string().regex(/^NCT\d{8}$/),
	title: z.string(),
	status: z.string(),
	enrollment: z.number().int().nonnegative().optional(),
	/** Completion date as registered (YYYY, YYYY-MM or YYYY-MM-DD), and whether it is actual or anticipated. */
	completion: z.string().optional(),
	completionType: z.string().optional(),
	hasResults: z.boolean(),
	/** The library entry citing this NCT number, if any. */
	inLibrary: z.string().optional(),
});

export type Trial = z.infer<typeof trialSchema>;

export const retractionFoundSchema = z.strictObject({
	key: z.string(),
	source: z.enum(['pubmed', 'crossref']),
	/** Retraction, withdrawal, expression of concern, correction… as the source names it. */
	type: z.string(),
	doi: z.string().optional(),
	pmid: z.string().optional(),
	/** The notice's DOI, when Crossref gives one. */
	notice: z.string().optional(),
	date: z.string().optional(),
});

export type RetractionFound = z.infer<typeof retractionFoundSchema>;

/** `references/watch/runs/<id>.json`: one complete run (a failed run writes none). */
export const runRecordSchema = z.strictObject({
	version: z.literal(1),
	id: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{6}Z$/),
	startedAt: z.iso.datetime(),
	finishedAt: z.iso.datetime(),
	durationMs: z.number().nonnegative(),
	/** True when the run replayed recorded responses (`--fixtures`): never shown on the site. */
	fixtures: z.boolean().default(false),
	requests: z.record(z.string(), z.number().int().nonnegative()),
	protocols: z.array(
		z.strictObject({
			page: z.string(),
			/** Entrez dates searched, inclusive (YYYY-MM-DD). */
			window: z.strictObject({ from: z.iso.date(), to: z.iso.date() }),
			/** Records each source returned for this page (before de-duplication). */
			identified: z.record(z.string(), z.number().int().nonnegative()),
			/** Ids of the records found for this page (in `records`). */
			records: z.array(z.string()),
			/** Registered trials (condition pages only); absent when the registry was not searched. */
			trials: z.array(trialSchema).optional(),
		}),
	),
	records: z.array(foundRecordSchema),
	retractions: z.array(retractionFoundSchema).default([]),
});

export type RunRecord = z.infer<typeof runRecordSchema>;
