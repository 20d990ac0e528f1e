/** The evidence library as the watch compares records with it: identifiers, title, first author, year. */
import type { Library } from '../engine/read/library.ts';
import type { FactsSet } from '../engine/read/facts.ts';
import { cslYear, firstAuthorName } from '../engine/read/csl-fields.ts';
import type { KnownStudy } from './dedupe.ts';

export function knownStudies(library: Library, facts: FactsSet): KnownStudy[] {
	return [...library.entries.values()].map((entry) => {
		// NCT numbers are written in a study's facts (key facts, sources) or its BibTeX note.
		const text =
			JSON.stringify(facts.byKey.get(entry.key)?.facts ?? {}) + JSON.stringify(entry.csl);
		return {
			key: entry.key,
			doi: entry.csl.DOI,
			pmid: entry.csl.PMID,
			ncts: [...new Set(text.match(/NCT\d{8}/g) ?? [])],
			title: entry.csl.title ?? '',
			firstAuthor: firstAuthorName(entry.csl),
			year: cslYear(entry.csl),
		};
	});
}
