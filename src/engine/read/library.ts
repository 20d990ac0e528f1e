/**
 * Loads the evidence library: every `.bib` file under `references/` (any case, any subfolder),
 * parsed once per build.
 *
 * Three passes: the scan (bibtex-scan.ts) gives positions and structural errors for each file;
 * macros and crossrefs are then resolved across the whole library (bibtex-macros.ts); finally
 * citation-js decodes each entry, rewritten in plain `name = {value}` form, into CSL-JSON. The count
 * of entries in the files is compared with the count parsed, so no entry is ever silently dropped.
 */
import { rawTextProblems } from './text-limits.ts';
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Diagnostic } from '../problems/diagnostics.ts';
import { scanBibtex, type ScanResult, type ScannedEntry } from './bibtex-scan.ts';
import { resolveCrossrefs, resolveMacros } from './bibtex-macros.ts';
import { markEtAl } from './et-al.ts';
import { decodeBibFile } from './text-encoding.ts';
import { plainCslItem } from './latex-formatting.ts';

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
	/** Entries counted in the raw files: compared with `all.length`, so nothing is lost. */
	rawEntries: number;
	/** `@preamble` blocks seen (never printed) and `@comment` blocks skipped. */
	preambles: number;
	comments: number;
	diagnostics: Diagnostic[];
}

/** Relative, forward-slash path for messages. */
export function displayPath(root: string, file: string): string {
	return relative(root, file).split(sep).join('/');
}

/** Parses BibTeX text with citation-js; throws citation-js' own error on malformed input. */
function parseWithCitationJs(text: string): CslItem[] {
	// citation-js' InputOptions type marks every option as required; these are its defaults.
	const items = plugins.input.chain(text, {
		forceType: '@biblatex/text',
		generateGraph: false,
		maxChainLength: 10,
		strict: false,
		target: '@csl/list+object',
	}) as CslItem[];
	return items;
}

/** One file's scan, with the problems found so far. */
export interface ScannedFile {
	file: string;
	scan: ScanResult;
	diagnostics: Diagnostic[];
}

/** Scans one file's text (pass 1). */
export function scanBibtexFile(file: string, text: string): ScannedFile {
	const scan = scanBibtex(text);
	const diagnostics = scan.problems.map(({ code, ...p }) => ({
		code: code ?? ('malformed-bibtex' as const),
		file,
		...p,
	}));
	return { file, scan, diagnostics };
}

/**
 * `\href{url}{text}` as its text: citation-js prints the URL and drops the text, so a title would
 * lose its words. The link itself is not kept (a reference shows only its DOI, PubMed or url link).
 */
export function keepHrefText(raw: string): string {
	return raw.includes('\\href') ? raw.replace(/\\href\s*\{[^{}]*\}\s*\{/g, '{') : raw;
}

/**
 * An entry rewritten as plain BibTeX: lower-case type, braces around every value, macros and
 * crossrefs already resolved, each field given once. citation-js then sees exactly what the checks
 * saw. Field `i` is on line `i + 2`, so a parser error maps back to the field's own line.
 */
function normalisedSource(entry: ScannedEntry): string {
	return [
		`@${entry.type}{${entry.key},`,
		...entry.fields.map((f) => `  ${f.name} = {${keepHrefText(f.raw)}},`),
		'}',
	].join('\n');
}

/** Decodes scanned entries with citation-js (pass 3). */
function parseEntries(scanned: ScannedFile): {
	entries: LibraryEntry[];
	diagnostics: Diagnostic[];
} {
	const { file } = scanned;
	const diagnostics: Diagnostic[] = [];
	const entries: LibraryEntry[] = [];
	const list = scanned.scan.entries;
	if (list.length === 0) return { entries, diagnostics };

	const chunks = list.map(normalisedSource);
	const byKey = new Map<string, CslItem[]>();
	const addParsed = (items: CslItem[]) => {
		for (const item of items) {
			const key = String(item['citation-key'] ?? item.id);
			byKey.set(key, [...(byKey.get(key) ?? []), item]);
		}
	};
	// Parse the entries in one call (fast); if citation-js still rejects something the scan
	// accepted, parse entry by entry so its error lands on the right entry and line.
	let parsed: CslItem[] | undefined;
	try {
		parsed = parseWithCitationJs(chunks.join('\n\n'));
	} catch {
		parsed = undefined;
	}
	if (parsed) addParsed(parsed);
	// Parse entry by entry those the batch lost: all of them if citation-js threw, or those it
	// dropped without a word (an unbalanced `$` can empty a whole batch). Each problem then lands
	// on its own entry, and the others still load.
	const rejected = new Set<ScannedEntry>();
	list.forEach((entry, i) => {
		if (byKey.has(entry.key)) return;
		try {
			addParsed(parseWithCitationJs(chunks[i]!));
		} catch (error) {
			rejected.add(entry);
			const message = error instanceof Error ? error.message : String(error);
			// citation-js says "... at line L col C" of the rewritten entry: line L is field L - 2.
			const where = /line (\d+) col (\d+)/.exec(message);
			const field = where ? entry.fields[Number(where[1]) - 2] : undefined;
			diagnostics.push({
				code: 'malformed-bibtex',
				file,
				line: field?.line ?? entry.line,
				column: field?.column ?? entry.column,
				key: entry.key,
				message: `The BibTeX parser rejected this entry${field ? ` at its "${field.name}" field` : ''}: ${message.split('\n')[0]}.`,
				hint: 'Check the braces, quotes, `$` and `\\` of this entry against the other entries in the file.',
			});
		}
	});

	const seenPerKey = new Map<string, number>();
	for (const entry of list) {
		const items = byKey.get(entry.key) ?? [];
		const index = seenPerKey.get(entry.key) ?? 0;
		seenPerKey.set(entry.key, index + 1);
		const csl = items[index];
		if (!csl) {
			// Already reported when citation-js threw on it; otherwise the parser dropped it silently.
			if (!rejected.has(entry)) {
				diagnostics.push({
					code: 'dropped-entry',
					file,
					line: entry.line,
					column: entry.column,
					key: entry.key,
					message: 'The BibTeX parser returned no entry for this key, so it would be lost.',
					hint: 'Check the entry for an unbalanced `$` or `\\`; compare it with an entry that works.',
				});
			}
			continue;
		}
		entries.push({
			key: entry.key,
			file,
			line: entry.line,
			column: entry.column,
			scanned: entry,
			// Tags that citation-js made from LaTeX font commands become text (an entry whose own text
			// holds `<` keeps every character, for the checks to report); BibTeX `and others` is
			// "et al.", not an author (et-al.ts).
			csl: markEtAl(entry.fields.some((f) => f.raw.includes('<')) ? csl : plainCslItem(csl)),
		});
	}
	return { entries, diagnostics };
}

/** Resolves macros and crossrefs across files (pass 2), then parses each file (pass 3). */
function loadScannedFiles(files: readonly ScannedFile[]): {
	all: LibraryEntry[];
	diagnostics: Diagnostic[];
} {
	const diagnostics: Diagnostic[] = files.flatMap((f) => f.diagnostics);
	const scannedEntries = files.flatMap((f) =>
		f.scan.entries.map((scanned) => ({ file: f.file, scanned })),
	);
	diagnostics.push(
		...resolveMacros(
			files.flatMap((f) => f.scan.macros.map((macro) => ({ file: f.file, macro }))),
			scannedEntries,
		),
		...resolveCrossrefs(scannedEntries),
	);
	const all: LibraryEntry[] = [];
	for (const file of files) {
		const parsed = parseEntries(file);
		all.push(...parsed.entries);
		diagnostics.push(...parsed.diagnostics);
	}
	return { all, diagnostics };
}

/**
 * Loads one file's text. Exposed for tests, which feed fixture text without touching the disk.
 * Returns the entries, every problem found in them, and the count of entries the text holds.
 */
export function loadBibtexText(
	file: string,
	text: string,
): { entries: LibraryEntry[]; diagnostics: Diagnostic[]; openings: number } {
	const scanned = scanBibtexFile(file, text);
	const { all, diagnostics } = loadScannedFiles([scanned]);
	return { entries: all, diagnostics, openings: scanned.scan.openings };
}

/** A path under `references/` that should be a BibTeX file: `.bib` in any letter case. */
const BIB_FILE = /\.bib$/i;

/**
 * Every path under `dir` named `*.bib` (any case), in sorted order, whatever it is (a folder or a
 * broken link named `x.bib` is listed too, so the loader can report it instead of skipping it).
 */
function listBibPaths(dir: string): string[] {
	const out: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (BIB_FILE.test(entry.name)) out.push(path);
			else if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
				walk(path);
		}
	};
	walk(dir);
	return out.sort();
}

/** Why a path named `*.bib` cannot be read as a file, or undefined when it can. */
function unreadableReason(path: string): string | undefined {
	let link = false;
	try {
		link = lstatSync(path).isSymbolicLink();
		const stat = statSync(path);
		if (stat.isDirectory()) return 'is a folder, not a file';
		if (!stat.isFile()) return 'is not a regular file';
		return undefined;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (link && code === 'ENOENT') return 'is a link to a file that does not exist';
		return `cannot be read (${code ?? String(error)})`;
	}
}

/** Loads every `.bib` file under a folder (subfolders included), in path order. */
export function loadLibrary(referencesDir: string, root: string = process.cwd()): Library {
	const diagnostics: Diagnostic[] = [];
	const paths = existsSync(referencesDir) ? listBibPaths(referencesDir) : [];
	const scannedFiles: ScannedFile[] = [];
	const files: string[] = [];
	for (const path of paths) {
		const file = displayPath(root, path);
		const reason = unreadableReason(path);
		if (reason) {
			diagnostics.push({
				code: 'unreadable-file',
				file,
				line: 1,
				column: 1,
				message: `"${file}" ${reason}, so no entry in it can be read.`,
				hint: 'Replace it with a BibTeX file, or rename or remove it (only files ending in .bib are read).',
			});
			continue;
		}
		files.push(file);
		let bytes: Uint8Array;
		try {
			bytes = readFileSync(path);
		} catch (error) {
			diagnostics.push({
				code: 'unreadable-file',
				file,
				line: 1,
				column: 1,
				message: `"${file}" cannot be read: ${(error as Error).message}.`,
				hint: 'Check the file exists and is readable.',
			});
			continue;
		}
		const decoded = decodeBibFile(bytes, file);
		diagnostics.push(...decoded.diagnostics);
		if (decoded.text === undefined) continue;
		// A control character is reported and the entries still load (so the citations of the file
		// are not reported as unknown as well); a file above the size limit is not read.
		const raw = rawTextProblems(decoded.text, file, 'bib');
		diagnostics.push(...raw);
		if (raw.some((d) => d.code === 'too-large')) continue;
		scannedFiles.push(scanBibtexFile(file, decoded.text));
	}
	const loaded = loadScannedFiles(scannedFiles);
	diagnostics.push(...loaded.diagnostics);
	const all = loaded.all;
	const rawEntries = scannedFiles.reduce((n, f) => n + f.scan.openings, 0);
	if (
		all.length === 0 &&
		!diagnostics.some((d) =>
			['not-utf8', 'malformed-bibtex', 'unreadable-file', 'dropped-entry'].includes(d.code),
		)
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
	return {
		entries,
		all,
		files,
		rawEntries,
		preambles: scannedFiles.reduce((n, f) => n + f.scan.preambles, 0),
		comments: scannedFiles.reduce((n, f) => n + f.scan.comments, 0),
		diagnostics,
	};
}
