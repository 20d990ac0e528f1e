/**
 * Glossary of terms a patient meets (`content/glossary.yaml`): defined once, rendered on the glossary
 * page, and linked automatically on first use in each page's plain-language layer.
 */
import { existsSync } from 'node:fs';
import { readYamlFile } from './yaml-file.ts';
import { z } from 'zod';
import type { Diagnostic } from '../problems/diagnostics.ts';
import { displayPath } from './library.ts';
import { CLUSTER } from './citations.ts';
import { fieldCitations } from './field-citations.ts';

/** A term is a word or short phrase a patient meets; longer text is a definition, not a term. */
export const TERM_MAX = 80;
const TOO_LONG = `at most ${TERM_MAX} characters (a term or alias is a word or short phrase; put longer text in the definition)`;

export const glossaryTermSchema = z.strictObject({
	/** Anchor on the glossary page: `/glossary/#<id>`. @example id: nmda-receptor */
	id: z.string().regex(/^[a-z0-9-]+$/),
	/** The term as a heading. @example term: NMDA receptor */
	term: z.string().min(2).max(TERM_MAX, TOO_LONG),
	/** Other spellings linked to the same entry (case-insensitive). @default [] */
	aliases: z.array(z.string().min(2).max(TERM_MAX, TOO_LONG)).default([]),
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
	const read = readYamlFile(path, file, glossarySchema, {
		code: 'invalid-glossary',
		titleFields: ['term', 'aliases'],
		identifierFields: ['id'],
		yamlHint: 'Compare with the other entries; quote text that contains `: `.',
		schemaHint:
			'Each entry needs id, term and definition (aliases optional); see src/engine/read/glossary.ts.',
	});
	diagnostics.push(...read.diagnostics);
	if (!read.data) return { terms: [], diagnostics, citations };
	read.data.forEach((term, i) => {
		const cited = fieldCitations(term.definition, file, read.positionOf([i, 'definition']));
		citations.push(...cited.citations);
		diagnostics.push(...cited.diagnostics);
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
	const haystack = foldCase(text.replace(CLUSTER, (m) => ' '.repeat(m.length)));
	let best: GlossaryMatch | null = null;
	for (const term of terms) {
		if (linked.has(term.id)) continue;
		for (const name of [term.term, ...term.aliases]) {
			const index = indexOfWord(haystack, foldCase(name));
			if (index !== -1 && (!best || index < best.index))
				best = { term, index, length: name.length };
		}
	}
	return best;
}

/**
 * Lower-cases text one UTF-16 unit at a time, keeping any character whose lower case would change the
 * length (such as "İ"), so that offsets in the folded text are offsets in the original.
 */
function foldCase(text: string): string {
	let out = '';
	for (const char of text) {
		const lower = char.toLowerCase();
		out += lower.length === char.length ? lower : char;
	}
	return out;
}

const WORD_CHAR = /[\p{L}\p{N}-]/u;

/**
 * The first occurrence of `word` in `text` standing as a whole word (no letter, digit or hyphen
 * either side). Terms come from editors' YAML, so they are matched as plain strings, never compiled
 * into a regular expression.
 */
function indexOfWord(text: string, word: string): number {
	if (word === '') return -1;
	for (let from = 0; ;) {
		const index = text.indexOf(word, from);
		if (index === -1) return -1;
		const before = text[index - 1];
		const after = text[index + word.length];
		if ((!before || !WORD_CHAR.test(before)) && (!after || !WORD_CHAR.test(after))) return index;
		from = index + 1;
	}
}

/**
 * What a glossary link shows on hover and focus: the definition's first sentence, without its
 * citation marks. The link leads to the whole definition and its sources on the glossary page, so
 * the preview only says what the term means; the facts that follow it stay cited where they are.
 */
export function glossaryPreview(term: GlossaryTerm): string {
	const plain = term.definition.replace(CLUSTER, '').replace(/\s+([.,;:])/g, '$1');
	const first = plain.split(/(?<=[.!?])\s+(?=[A-Z"'(])/)[0] ?? plain;
	return first.replace(/\s+/g, ' ').trim();
}
