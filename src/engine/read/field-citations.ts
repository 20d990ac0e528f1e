/**
 * Citations in a text field of a YAML data file (a claim's explanation, a glossary definition): the
 * keys it cites, at the field's position, and a problem for each bracket that looks like a citation
 * but cannot be read. Shared by the claims and glossary loaders.
 */
import type { Diagnostic } from '../problems/diagnostics.ts';
import { findClusters, findUnreadableClusters } from './citations.ts';

export interface FieldCitation {
	key: string;
	file: string;
	line: number;
	column: number;
}

export function fieldCitations(
	text: string,
	file: string,
	position: { line: number; column: number },
): { citations: FieldCitation[]; diagnostics: Diagnostic[] } {
	const citations = findClusters(text).flatMap((cluster) =>
		cluster.keys.map((key) => ({ key, file, ...position })),
	);
	const diagnostics: Diagnostic[] = findUnreadableClusters(text).map((u) => ({
		code: 'unreadable-citation',
		file,
		...position,
		message: `"${u.text}" looks like a citation but cannot be read: ${u.reason}.`,
		hint: u.fix,
	}));
	return { citations, diagnostics };
}
