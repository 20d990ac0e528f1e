/**
 * Records what the watch found about the library's studies in their facts files: a retraction,
 * withdrawal or expression of concern becomes the file's `retraction:` field (then `npm run check`
 * names every page that still cites a retracted study). Corrections are only reported. A file that
 * already records one is left alone. Returns the new file texts; write.ts puts them in place.
 */
import type { FactsSet } from '../engine/read/facts.ts';
import { doiUrl, pubmedUrl } from '../engine/read/csl-fields.ts';
import type { RetractionFound, RunRecord } from './schema.ts';

const TYPES: Record<string, 'retraction' | 'withdrawal' | 'expression-of-concern'> = {
	retraction: 'retraction',
	withdrawal: 'withdrawal',
	expression_of_concern: 'expression-of-concern',
	'expression-of-concern': 'expression-of-concern',
};
const RANK = { retraction: 0, withdrawal: 1, 'expression-of-concern': 2 } as const;

export interface FileChange {
	/** Relative to the project root. */
	file: string;
	content: string;
}

export function retractionChanges(
	run: RunRecord,
	facts: FactsSet,
	read: (file: string) => string,
): FileChange[] {
	const best = new Map<string, { type: keyof typeof RANK; found: RetractionFound }>();
	for (const found of run.retractions) {
		const type = TYPES[found.type];
		if (!type) continue;
		const current = best.get(found.key);
		if (!current || RANK[type] < RANK[current.type]) best.set(found.key, { type, found });
	}
	const changes: FileChange[] = [];
	for (const [key, { type, found }] of best) {
		const record = facts.byKey.get(key);
		if (!record || record.facts.retraction) continue;
		// The notice's own date when the source gives one, else the day this run found it.
		const date =
			found.date && /^\d{4}-\d{2}-\d{2}$/.test(found.date)
				? found.date
				: run.startedAt.slice(0, 10);
		const notice = found.notice
			? doiUrl(found.notice)
			: found.pmid
				? pubmedUrl(found.pmid)
				: undefined;
		const line = `retraction: { type: ${type}, date: ${date}, source: ${found.source}${notice ? `, notice: '${notice}'` : ''} }`;
		changes.push({ file: record.file, content: `${read(record.file).trimEnd()}\n${line}\n` });
	}
	return changes;
}
