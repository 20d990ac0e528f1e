/**
 * One table row's study: its facts, its record, its site-wide label ("Mangnus 2021a") and whether its
 * record was only partly seen. Labels are computed once per library, so a study has the same label
 * in every table on every page.
 */
import type { StudyFacts } from '../../engine/read/facts-schema.ts';
import type { Library } from '../../engine/read/library.ts';
import { isPartlySeen } from '../../engine/check/entry-rules.ts';
import { studyLabels } from '../../engine/render/tables.ts';

const labelsByLibrary = new WeakMap<Library, Map<string, string>>();

export function studyRow(library: Library, facts: StudyFacts) {
	let labels = labelsByLibrary.get(library);
	if (!labels) {
		labels = studyLabels([...library.entries.values()].map((e) => e.csl));
		labelsByLibrary.set(library, labels);
	}
	const entry = library.entries.get(facts.key)!;
	return { facts, csl: entry.csl, label: labels.get(facts.key), partlySeen: isPartlySeen(entry) };
}
