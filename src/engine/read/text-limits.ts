/**
 * Limits on the raw text of every file the checks read (BibTeX, facts, claims, glossary, pages):
 * no C0 control characters, and no file or field larger than an editor could ever mean to write.
 *
 * A NUL byte or another control character reaches every place the text is shown (the page's
 * `<title>`, tables, the RIS export) and is invisible in most editors; a 20 MB field makes a 20 MB
 * page. Both are refused where they are written, with their place and size. Linear-time scans only.
 */
import type { Diagnostic } from '../problems/diagnostics.ts';
import { LineIndex } from './position.ts';

/** Largest file of each kind, in bytes: about ten times the largest the real library holds. */
export const MAX_FILE_BYTES = {
	bib: 4 * 1024 * 1024,
	yaml: 256 * 1024,
	page: 512 * 1024,
} as const;

/** Longest single text field (a facts `result`, a BibTeX `abstract`, a frontmatter value). */
export const MAX_FIELD_CHARS = 20_000;

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL. (Form feed and the
 * rest have no use in these files; a NUL makes some tools cut the text short.)
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function describeControl(char: string): string {
	const code = char.codePointAt(0)!;
	const names: Record<number, string> = {
		0: 'NUL',
		8: 'BACKSPACE',
		12: 'FORM FEED',
		27: 'ESCAPE',
		127: 'DELETE',
	};
	return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${names[code] ? ` ${names[code]}` : ''}`;
}

/** Human size: `20.0 MB`, `300 KB`, `12 bytes`. */
export function formatSize(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${bytes} bytes`;
}

/**
 * Problems with a file's raw text: too large (then nothing else is read from it), or holding control
 * characters (each line with one is reported once, at its first). `code` is the file kind's own
 * diagnostic code for the size, so the file is counted as unreadable by its loader.
 */
export function rawTextProblems(
	text: string,
	file: string,
	kind: keyof typeof MAX_FILE_BYTES,
	key?: string,
): Diagnostic[] {
	const bytes = Buffer.byteLength(text, 'utf8');
	if (bytes > MAX_FILE_BYTES[kind]) {
		return [
			{
				code: 'too-large',
				file,
				line: 1,
				column: 1,
				key,
				message: `The file is ${formatSize(bytes)}; a ${kind === 'bib' ? 'BibTeX' : kind === 'yaml' ? 'YAML data' : 'page'} file may be at most ${formatSize(MAX_FILE_BYTES[kind])}.`,
				hint: 'Check that nothing was pasted by mistake; split a long page or library into several files.',
			},
		];
	}
	const out: Diagnostic[] = [];
	let lastLine = 0;
	let lines: LineIndex | undefined;
	for (const match of text.matchAll(CONTROL)) {
		lines ??= new LineIndex(text);
		const at = lines.at(match.index);
		if (at.line === lastLine) continue;
		lastLine = at.line;
		out.push({
			code: 'control-character',
			file,
			...at,
			key,
			message: `This line holds the control character ${describeControl(match[0])}, which is invisible here and would reach every page and export that shows the text.`,
			hint: 'Delete it (retype the text around it if your editor does not show it), or replace it with a space.',
		});
		if (out.length >= 20) break;
	}
	return out;
}

/** A problem with one text field that is longer than MAX_FIELD_CHARS, or null. */
export function fieldTooLong(
	text: string,
	where: { file: string; line: number; column: number; key?: string | undefined },
	field: string,
): Diagnostic | null {
	if (text.length <= MAX_FIELD_CHARS) return null;
	return {
		code: 'too-large',
		...where,
		message: `Field "${field}" is ${text.length.toLocaleString('en')} characters long; a field may be at most ${MAX_FIELD_CHARS.toLocaleString('en')}.`,
		hint: 'Shorten it to what readers need, in your own words; the full text stays in the source.',
	};
}
