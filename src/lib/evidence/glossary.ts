/**
 * Glossary of terms a patient meets (`content/glossary.yaml`): defined once, rendered on the glossary
 * page, and linked automatically on first use in each page's plain-language layer.
 */
import { existsSync } from 'node:fs';
import { readYamlFile } from './yaml-file.ts';
import { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { displayPath } from './library.ts';
import { findClusters, CLUSTER } from './citations.ts';
import { sitePath } from '../site.ts';

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

export const GLOSSARY_PAGE = sitePath('/glossary/');

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
	const read = readYamlFile(path, file, glossarySchema, {
		code: 'invalid-glossary',
		yamlHint: 'Compare with the other entries; quote text that contains `: `.',
		schemaHint:
			'Each entry needs id, term and definition (aliases optional); see src/lib/evidence/glossary.ts.',
	});
	diagnostics.push(...read.diagnostics);
	if (!read.data) return { terms: [], diagnostics, citations };
	read.data.forEach((term, i) => {
		const pos = read.positionOf([i, 'definition']);
		for (const cluster of findClusters(term.definition))
			for (const key of cluster.keys) citations.push({ key, file, ...pos });
	});
	return { terms: read.data, diagnostics, citations };
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
