/**
 * Loads the evidence library: every `references/*.bib` file, parsed once per build.
 *
 * The scan (bibtex-scan.ts) gives positions and structural errors; citation-js decodes the values
 * into CSL-JSON. The two counts are compared so that no entry is ever silently dropped.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Diagnostic } from './diagnostics.ts';
import { scanBibtex, type ScannedEntry } from './bibtex-scan.ts';

/** A CSL-JSON item as citation-js produces it (only the fields we read are typed). */
export interface CslItem {
	id: string;
	type: string;
	title?: string;
	author?: { family?: string; given?: string; literal?: string }[];
	'container-title'?: string;
	issued?: { 'date-parts'?: (number | string)[][] };
	DOI?: string;
	PMID?: string;
	URL?: string;
	[field: string]: unknown;
}

export interface LibraryEntry {
	key: string;
	/** The entry's source, for error messages. */
	file: string;
	line: number;
	column: number;
	scanned: ScannedEntry;
	/** Decoded by citation-js: LaTeX accents and protective braces resolved. */
	csl: CslItem;
}

export interface Library {
	/** Entries by key. When a key is duplicated, the first one read wins (the duplicate is reported). */
	entries: Map<string, LibraryEntry>;
	/** Every entry read, duplicates included, in file order. */
	all: LibraryEntry[];
	files: string[];
	/** `@type{` openings counted in the raw files: compared with `all.length`, so nothing is lost. */
	rawEntries: number;
	diagnostics: Diagnostic[];
}

/** Relative, forward-slash path for messages. */
export function displayPath(root: string, file: string): string {
	return relative(root, file).split(sep).join('/');
}

/** Reads bytes as UTF-8, or reports the line of the first byte that is not. */
function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number; badColumn: number } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		// Find the first invalid sequence by decoding growing prefixes line by line.
		let line = 1;
		let lineStart = 0;
		for (let i = 0; i < bytes.length; i++) {
			if (bytes[i] === 10) {
				const slice = bytes.subarray(lineStart, i);
				try {
					new TextDecoder('utf-8', { fatal: true }).decode(slice);
				} catch {
					return { badLine: line, badColumn: 1 };
				}
				line++;
				lineStart = i + 1;
			}
		}
		return { badLine: line, badColumn: 1 };
	}
}

/** Parses BibTeX text with citation-js; throws citation-js' own error on malformed input. */
function parseWithCitationJs(text: string): CslItem[] {
	// citation-js' InputOptions type marks every option as required; these are its defaults.
	return plugins.input.chain(text, {
		forceType: '@biblatex/text',
		generateGraph: false,
		maxChainLength: 10,
		strict: false,
		target: '@csl/list+object',
	}) as CslItem[];
}

/**
 * Loads one file's text. Exposed for tests, which feed fixture text without touching the disk.
 * Returns the entries and every problem found in them.
 */
export function loadBibtexText(
	file: string,
	text: string,
): { entries: LibraryEntry[]; diagnostics: Diagnostic[]; openings: number } {
	const diagnostics: Diagnostic[] = [];
	const scan = scanBibtex(text);
	for (const { code, ...p } of scan.problems) {
		diagnostics.push({ code: code ?? 'malformed-bibtex', file, ...p });
	}
	const entries: LibraryEntry[] = [];
	if (scan.entries.length === 0) return { entries, diagnostics, openings: scan.openings };

	// Parse the well-formed entries in one call (fast); if citation-js still rejects something the scan
	// accepted, parse entry by entry so its error lands on the right entry and line.
	const chunks = scan.entries.map((e) => text.slice(e.start, e.end + 1));
	let parsed: CslItem[] | undefined;
	try {
		parsed = parseWithCitationJs(chunks.join('\n\n'));
	} catch {
		parsed = undefined;
	}
	const byKey = new Map<string, CslItem[]>();
	const addParsed = (items: CslItem[]) => {
		for (const item of items) {
			const key = String(item['citation-key'] ?? item.id);
			byKey.set(key, [...(byKey.get(key) ?? []), item]);
		}
	};
	if (parsed) addParsed(parsed);
	// Parse entry by entry those the batch lost: all of them if citation-js threw, or those it
	// dropped without a word (an unbalanced `$` can empty a whole batch). Each problem then lands
	// on its own entry, and the others still load.
	const lost = scan.entries
		.map((entry, i) => ({ entry, i }))
		.filter(({ entry }) => !byKey.has(entry.key));
	const rejected = new Set<ScannedEntry>();
	for (const { entry, i } of lost) {
		try {
			addParsed(parseWithCitationJs(chunks[i]!));
		} catch (error) {
			rejected.add(entry);
			const message = error instanceof Error ? error.message : String(error);
			// citation-js says "... at line L col C" relative to the chunk: move it into the file.
			const where = /line (\d+) col (\d+)/.exec(message);
			diagnostics.push({
				code: 'malformed-bibtex',
				file,
				line: where ? entry.line + Number(where[1]) - 1 : entry.line,
				column: where ? Number(where[2]) : entry.column,
				key: entry.key,
				message: `The BibTeX parser rejected this entry: ${message.split('\n')[0]}.`,
				hint: 'Check the braces, quotes and commas of this entry against the other entries in the file.',
			});
		}
	}

	const seenPerKey = new Map<string, number>();
	for (const scanned of scan.entries) {
		const items = byKey.get(scanned.key) ?? [];
		const index = seenPerKey.get(scanned.key) ?? 0;
		seenPerKey.set(scanned.key, index + 1);
		const csl = items[index];
		if (!csl) {
			// Already reported when citation-js threw on it; otherwise the parser dropped it silently.
			if (!rejected.has(scanned)) {
				diagnostics.push({
					code: 'dropped-entry',
					file,
					line: scanned.line,
					column: scanned.column,
					key: scanned.key,
					message: 'The BibTeX parser returned no entry for this key, so it would be lost.',
					hint: 'Check the entry type and key for unusual characters; compare it with an entry that works.',
				});
			}
			continue;
		}
		entries.push({
			key: scanned.key,
			file,
			line: scanned.line,
			column: scanned.column,
			scanned,
			csl,
		});
	}
	// Entries the parser found that the scan did not (an `@type{` not at the start of a line).
	const scannedKeys = new Set(scan.entries.map((e) => e.key));
	for (const key of byKey.keys()) {
		if (!scannedKeys.has(key)) {
			diagnostics.push({
				code: 'dropped-entry',
				file,
				line: 1,
				column: 1,
				key,
				message: `The parser found an entry "${key}" that does not start on a line of its own.`,
				hint: 'Start every entry with `@type{key,` at the beginning of a line.',
			});
		}
	}
	return { entries, diagnostics, openings: scan.openings };
}

/** Loads every `*.bib` file in a folder, in name order. */
export function loadLibrary(referencesDir: string, root: string = process.cwd()): Library {
	const diagnostics: Diagnostic[] = [];
	const files = existsSync(referencesDir)
		? readdirSync(referencesDir)
				.filter((name) => name.endsWith('.bib'))
				.sort()
				.map((name) => join(referencesDir, name))
		: [];
	const all: LibraryEntry[] = [];
	let rawEntries = 0;
	for (const path of files) {
		const file = displayPath(root, path);
		const decoded = decodeUtf8(readFileSync(path));
		if (!('text' in decoded)) {
			diagnostics.push({
				code: 'not-utf8',
				file,
				line: decoded.badLine,
				column: decoded.badColumn,
				message: 'This file is not valid UTF-8.',
				hint: 'Save the file as UTF-8 (in Zotero/Better BibTeX: export with UTF-8 encoding).',
			});
			continue;
		}
		const result = loadBibtexText(file, decoded.text);
		rawEntries += result.openings;
		all.push(...result.entries);
		diagnostics.push(...result.diagnostics);
	}
	if (
		all.length === 0 &&
		!diagnostics.some((d) => d.code === 'not-utf8' || d.code === 'malformed-bibtex')
	) {
		diagnostics.push({
			code: 'empty-library',
			file: displayPath(root, referencesDir) || 'references',
			line: 1,
			column: 1,
			message:
				files.length === 0
					? 'There is no .bib file in the references folder.'
					: 'The .bib files hold no entries.',
			hint: 'Add at least one BibTeX entry to a file such as `references/conditions.bib`.',
		});
	}
	const entries = new Map<string, LibraryEntry>();
	for (const entry of all) if (!entries.has(entry.key)) entries.set(entry.key, entry);
	return { entries, all, files: files.map((f) => displayPath(root, f)), rawEntries, diagnostics };
}
