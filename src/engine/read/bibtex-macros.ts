/**
 * The two BibTeX features that make one entry depend on others: `@string` macros (with `#`
 * concatenation) and `crossref`. Both are resolved across the whole library before any check runs
 * and before citation-js sees an entry, so the checks see — and the site publishes — the values the
 * entry really has (a journal written as a macro, a booktitle inherited from its proceedings).
 */
import type { Diagnostic } from '../problems/diagnostics.ts';
import type { ScannedEntry, ScannedField, ScannedMacro, ValuePart } from './bibtex-scan.ts';
import { nearestKeys, suggestion } from '../problems/nearest-keys.ts';

/** The month macros every BibTeX style predefines; biblatex reads these numbers as months. */
const MONTHS: Record<string, string> = Object.fromEntries(
	['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
		(m, i) => [m, String(i + 1)],
	),
);

export interface MacroSource {
	file: string;
	macro: ScannedMacro;
}

/** A field or macro value with its macros expanded; unknown macros reported. */
function expand(
	parts: readonly ValuePart[],
	lookup: (name: string) => string | undefined,
	report: (part: Extract<ValuePart, { kind: 'macro' }>) => void,
): string {
	return parts
		.map((part) => {
			if (part.kind === 'text') return part.text;
			const value = lookup(part.name.toLowerCase());
			if (value === undefined) {
				report(part);
				return part.name;
			}
			return value;
		})
		.join('');
}

/**
 * Resolves every `@string` of the library (in any file: a shared `strings.bib` works), then every
 * field that uses one. Fills `raw` of each field in place and returns the problems found.
 */
export function resolveMacros(
	macros: readonly MacroSource[],
	entries: readonly { file: string; scanned: ScannedEntry }[],
): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	const definitions = new Map<string, MacroSource>();
	for (const source of macros) {
		const first = definitions.get(source.macro.name);
		if (first) {
			diagnostics.push({
				code: 'duplicate-field',
				file: source.file,
				line: source.macro.line,
				column: source.macro.column,
				message: `The @string "${source.macro.name}" is defined twice (first at ${first.file}:${first.macro.line}).`,
				hint: 'Keep one definition of each macro; rename one if they mean different things.',
			});
		} else definitions.set(source.macro.name, source);
	}
	const values = new Map<string, string>();
	const resolving = new Set<string>();
	const unknown =
		(file: string, where: string, known: Iterable<string>) =>
		(part: Extract<ValuePart, { kind: 'macro' }>) =>
			diagnostics.push({
				code: 'unknown-macro',
				file,
				line: part.line,
				column: part.column,
				key: where || undefined,
				message: `"${part.name}" is not a defined @string macro, so its text would be lost.${suggestion(nearestKeys(part.name, known).slice(0, 1))}`,
				hint: `Put the value in braces (\`{${part.name}}\`) if it is text, or define it: \`@string{${part.name} = {…}}\`.`,
			});
	const lookup = (name: string): string | undefined => {
		const cached = values.get(name);
		if (cached !== undefined) return cached;
		const source = definitions.get(name);
		if (!source) return MONTHS[name];
		if (resolving.has(name)) return undefined; // a macro defined through itself
		resolving.add(name);
		const value = expand(
			source.macro.parts,
			lookup,
			unknown(source.file, '', [...definitions.keys()]),
		);
		resolving.delete(name);
		values.set(name, value);
		return value;
	};
	for (const { file, scanned } of entries) {
		for (const field of scanned.fields) {
			if (field.parts.every((p) => p.kind === 'text')) continue;
			field.raw = expand(
				field.parts,
				lookup,
				unknown(file, scanned.key, definitions.size > 0 ? definitions.keys() : Object.keys(MONTHS)),
			);
		}
	}
	return diagnostics;
}

/** Identifiers belong to the entry itself, never to the volume it is part of. */
const NOT_INHERITED = new Set(['doi', 'pmid', 'pmcid', 'url', 'eprint', 'ids', 'crossref']);
/** Types whose parent's `title` is their `booktitle` (BibTeX and biblatex agree on these). */
const PART_TYPES = new Set(['inproceedings', 'incollection', 'inbook', 'conference']);

/**
 * Copies into each entry with `crossref = {parent}` the fields it lacks from its parent, as BibTeX
 * does, before the required-field checks run. Returns a problem for a parent that does not exist.
 */
export function resolveCrossrefs(
	entries: readonly { file: string; scanned: ScannedEntry }[],
): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	const byKey = new Map<string, ScannedEntry>();
	// BibTeX keys are case-insensitive when cross-referencing.
	for (const { scanned } of entries)
		if (!byKey.has(scanned.key.toLowerCase())) byKey.set(scanned.key.toLowerCase(), scanned);
	for (const { file, scanned } of entries) {
		const ref = scanned.fields.find((f) => f.name === 'crossref');
		if (!ref) continue;
		const parentKey = ref.raw.trim();
		const parent = byKey.get(parentKey.toLowerCase());
		if (!parent || parent === scanned) {
			scanned.unresolvedCrossref = parentKey;
			diagnostics.push({
				code: 'unknown-crossref',
				file,
				line: ref.line,
				column: ref.column,
				key: scanned.key,
				message: `The crossref "${parentKey}" names no entry in the library.${suggestion(nearestKeys(parentKey, byKey.keys()))}`,
				hint: 'Fix the key in `crossref`, or add the parent entry (the proceedings or book) to references/.',
			});
			continue;
		}
		const has = new Set(scanned.fields.map((f) => f.name));
		const inherit = (name: string, from: ScannedField) => {
			if (has.has(name)) return;
			has.add(name);
			scanned.fields.push({ ...from, name, inheritedFrom: parent.key });
		};
		if (PART_TYPES.has(scanned.type)) {
			const title = parent.fields.find((f) => f.name === 'title');
			if (title) inherit('booktitle', title);
		}
		for (const field of parent.fields)
			if (!NOT_INHERITED.has(field.name)) inherit(field.name, field);
	}
	return diagnostics;
}
