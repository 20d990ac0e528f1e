import type { Library } from '../../lib/evidence/library.ts';
import { nearestKeys, suggestion } from '../../lib/evidence/nearest-keys.ts';
import { PageError } from '../../plugin/errors.ts';
import type { Position } from '../nodes.ts';

/** Stops the page on a key the library lacks (`npm run check` reports it first, with every other problem). */
export function assertKnown(library: Library, key: string, position: Position | undefined): void {
	if (library.entries.has(key)) return;
	throw new PageError(
		`the citation "${key}" is not in references/*.bib.${suggestion(nearestKeys(key, library.entries.keys()))} Run \`npm run check\` to list every problem.`,
		position,
	);
}
