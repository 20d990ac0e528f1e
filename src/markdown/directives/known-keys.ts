import type { Evidence } from '../../engine/check/check-project.ts';
import type { StudyFacts } from '../../engine/read/facts-schema.ts';
import type { Library } from '../../engine/read/library.ts';
import { nearestKeys, suggestion } from '../../engine/problems/nearest-keys.ts';
import { PageError } from '../../plugin/errors.ts';
import type { Position } from '../../engine/read/position.ts';

/** Stops the page on a key the library lacks (`npm run check` reports it first, with every other problem). */
export function assertKnown(library: Library, key: string, position: Position | undefined): void {
	if (library.entries.has(key)) return;
	throw new PageError(
		`the citation "${key}" is not in references/*.bib.${suggestion(nearestKeys(key, library.entries.keys()))} Run \`npm run check\` to list every problem.`,
		position,
	);
}

/**
 * The facts of a study a table lists: the page stops on a key the library lacks, or one without a
 * facts file (`listedBy` says who listed it: "the evidence table", "the outcome \"Pain\"").
 */
export function factsOf(
	evidence: Evidence,
	key: string,
	position: Position | undefined,
	listedBy: string,
): StudyFacts {
	assertKnown(evidence.library, key, position);
	const record = evidence.facts.byKey.get(key);
	if (!record)
		throw new PageError(`${listedBy} lists "${key}", which has no facts file.`, position);
	return record.facts;
}
