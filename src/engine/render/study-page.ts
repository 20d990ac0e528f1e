/** What a study's own page shows, from the library entry and its facts (pure; the page renders it). */
import type { Evidence } from '../check/check-project.ts';
import { DESIGN_LABELS, type StudyFacts } from '../read/facts-schema.ts';
import { formatReferences, normaliseText } from './format.ts';
import { studyLabel, studyLabels } from './tables.ts';
import { CONDITION_LABELS } from '../read/taxonomy.ts';
import { cslYear } from '../read/csl-fields.ts';
import type { Certainty, Outcome } from '../read/page-frontmatter.ts';

export interface StudyPage {
	key: string;
	/** "Noppers 2011". */
	label: string;
	title: string;
	year: string;
	/** The Vancouver reference (escaped HTML) and its identifier links (empty when unverified). */
	referenceHtml: string;
	linksHtml: string;
	verified: boolean;
	facts: StudyFacts | undefined;
	/** Rows for the facts list: label and plain text. */
	rows: { label: string; value: string }[];
	citedIn: { path: string; title: string }[];
}

/** `citedOn`: for each key, the pages citing it, as recorded while they rendered (study index: none needed). */
export function studyPages(
	evidence: Evidence,
	citedOn: ReadonlyMap<string, { path: string; title: string }[]> = new Map(),
): StudyPage[] {
	const entries = [...evidence.library.entries.values()];
	const isVerified = (key: string) => evidence.facts.byKey.get(key)?.facts.verified !== false;
	const references = new Map(formatReferences(entries, { isVerified }).map((r) => [r.key, r]));
	const labels = studyLabels(entries.map((e) => e.csl));
	return entries
		.map((entry) => {
			const facts = evidence.facts.byKey.get(entry.key)?.facts;
			const reference = references.get(entry.key)!;
			const rows: { label: string; value: string }[] = [];
			const add = (label: string, value: string | undefined | null) => {
				if (value) rows.push({ label, value });
			};
			if (facts) {
				add('Design', DESIGN_LABELS[facts.design]);
				add('People', facts.n === null ? 'Not reported' : String(facts.n));
				add('Conditions', facts.conditions.map((c) => CONDITION_LABELS[c]).join(', '));
				add('Route', facts.route);
				add('Regimen', facts.regimen);
				add('Comparator', facts.comparator);
				add('Follow-up', facts.followUp);
				add('Outcomes', facts.outcome);
				add('Result as reported', facts.result);
				add('Adverse effects', facts.adverseEffects);
			}
			return {
				key: entry.key,
				label: labels.get(entry.key) ?? studyLabel(entry.csl),
				title: normaliseText(entry.csl.title ?? entry.key),
				year: String(cslYear(entry.csl) ?? ''),
				referenceHtml: reference.html,
				linksHtml: reference.linksHtml,
				verified: isVerified(entry.key),
				facts,
				rows,
				citedIn: citedOn.get(entry.key) ?? [],
			};
		})
		.sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
}

/** An outcome a page grades with GRADE, for the pages that rest it on a given study. */
export interface GradedOutcome {
	/** The page that grades it. */
	path: string;
	pageTitle: string;
	outcome: string;
	certainty: Certainty;
}

/**
 * The outcomes that site pages grade using this study (their frontmatter `outcomes`), in page
 * order: what a study page shows as "how sure", since a single study is not graded on its own.
 */
export function gradedOutcomesOf(
	key: string,
	pages: readonly { path: string; title: string; outcomes: readonly Outcome[] }[],
): GradedOutcome[] {
	return pages.flatMap((page) =>
		page.outcomes
			.filter((o) => o.studies.includes(key))
			.map((o) => ({
				path: page.path,
				pageTitle: page.title,
				outcome: o.outcome,
				certainty: o.certainty,
			})),
	);
}
