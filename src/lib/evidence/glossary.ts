/**
 * Glossary of terms a patient meets (`content/glossary.yaml`): defined once, rendered on the glossary
 * page, and linked automatically on first use in each page's plain-language layer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { displayPath } from './library.ts';
import { findClusters, CLUSTER } from './citations.ts';

export const glossaryTermSchema = z.strictObject({
	/** Anchor on the glossary page: `/glossary/#<id>`. @example id: nmda-receptor */
	id: z.string().regex(/^[a-z0-9-]+$/),
	/** The term as a heading. @example term: NMDA receptor */
	term: z.string().min(2),
	/** Other spellings linked to the same entry (case-insensitive). @default [] */
	aliases: z.array(z.string().min(2)).default([]),
	/** Plain-language definition; factual sentences cite the library with `[@key]`. */
	definition: z.string().min(10),
});
export const glossarySchema = z.array(glossaryTermSchema);
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export const GLOSSARY_PAGE = '/glossary/';

export function loadGlossary(
	path: string,
	root: string,
): {
	terms: GlossaryTerm[];
	diagnostics: Diagnostic[];
	citations: { key: string; file: string; line: number; column: number }[];
} {
	const diagnostics: Diagnostic[] = [];
	const citations: { key: string; file: string; line: number; column: number }[] = [];
	if (!existsSync(path)) return { terms: [], diagnostics, citations };
	const file = displayPath(root, path);
	const lineCounter = new LineCounter();
	const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter });
	const at = (offset: number | undefined) => {
		const p = lineCounter.linePos(offset ?? 0);
		return { line: p.line, column: p.col };
	};
	const parsed = glossarySchema.safeParse(doc.toJS());
	if (doc.errors.length || !parsed.success) {
		for (const e of doc.errors) {
			diagnostics.push({
				code: 'invalid-glossary',
				file,
				...at(e.pos[0]),
				message: `Not valid YAML: ${e.message.split('\n')[0]}`,
				hint: 'Compare with the other entries; quote text that contains `: `.',
			});
		}
		for (const issue of parsed.error?.issues ?? []) {
			const node = doc.getIn(issue.path as (string | number)[], true);
			diagnostics.push({
				code: 'invalid-glossary',
				file,
				...at(isNode(node) ? node.range?.[0] : 0),
				message: `Entry ${issue.path.join('.')}: ${issue.message}.`,
				hint: 'Each entry needs id, term and definition (aliases optional); see src/lib/evidence/glossary.ts.',
			});
		}
		return { terms: [], diagnostics, citations };
	}
	parsed.data.forEach((term, i) => {
		const node = doc.getIn([i, 'definition'], true);
		const pos = at(isNode(node) ? node.range?.[0] : 0);
		for (const cluster of findClusters(term.definition))
			for (const key of cluster.keys) citations.push({ key, file, ...pos });
	});
	return { terms: parsed.data, diagnostics, citations };
}

export interface GlossaryMatch {
	term: GlossaryTerm;
	index: number;
	length: number;
}

/**
 * The first mention in `text` of a term not yet linked on the page (whole words, any case).
 * Citation clusters are never searched.
 */
export function findFirstTerm(
	text: string,
	terms: readonly GlossaryTerm[],
	linked: ReadonlySet<string>,
): GlossaryMatch | null {
	const masked = text.replace(CLUSTER, (m) => ' '.repeat(m.length));
	let best: GlossaryMatch | null = null;
	for (const term of terms) {
		if (linked.has(term.id)) continue;
		for (const name of [term.term, ...term.aliases]) {
			const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			const match = new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'iu').exec(
				masked,
			);
			if (match && (!best || match.index < best.index))
				best = { term, index: match.index, length: match[0].length };
		}
	}
	return best;
}
