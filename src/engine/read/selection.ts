/**
 * Which studies a generated table lists. Shared by the Markdown plugin (which renders the tables)
 * and the checks (which record, for each study page, every page that cites the study).
 */
import type { Condition } from './page-frontmatter.ts';
import type { StudyFacts } from './facts-schema.ts';

/** Not studies of effect: guidelines, narrative reviews, alerts and lab work have their own sections. */
const NOT_EFFECT = new Set(['guideline', 'narrative-review', 'regulatory-alert', 'preclinical']);

export interface EvidenceTableOptions {
	/** Studies of this condition (when no keys are given). */
	condition?: Condition | undefined;
	/** Exactly these studies, in any order (they are sorted by design and year). */
	keys?: readonly string[];
	/** Only these designs; by default, studies of effect only. */
	designs?: readonly string[];
}

/** Keys an `::evidence-table` lists, given all facts. Unknown keys are kept, for the caller to report. */
export function selectEvidenceTable(
	all: Iterable<StudyFacts>,
	options: EvidenceTableOptions,
): string[] {
	const facts = [...all];
	const byKey = new Map(facts.map((f) => [f.key, f]));
	const chosen = options.keys?.length
		? options.keys
		: facts
				.filter((f) => !options.condition || f.conditions.includes(options.condition))
				.map((f) => f.key);
	return chosen.filter((key) => {
		const f = byKey.get(key);
		if (!f) return true;
		return options.designs?.length ? options.designs.includes(f.design) : !NOT_EFFECT.has(f.design);
	});
}

/** Studies of effect with a regimen, for one condition (the `::protocol-table` rows under it). */
export function selectProtocolRows(all: Iterable<StudyFacts>, condition: Condition): StudyFacts[] {
	return [...all].filter(
		(f) => f.regimen && !NOT_EFFECT.has(f.design) && f.conditions.includes(condition),
	);
}

/** A space- or comma-separated list attribute. */
export function listAttribute(value: string | null | undefined): string[] {
	return (value ?? '').split(/[\s,]+/).filter(Boolean);
}
