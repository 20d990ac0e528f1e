/**
 * A structural scan of a BibTeX file: where each entry and each field starts, and what is broken.
 *
 * citation-js parses BibTeX well but reports neither file nor entry, and can only point at a line
 * of the text it was given ("expected rbrace, got EOF at line 0 col 45"). This scan, written by hand
 * because no maintained package exposes BibTeX source positions, finds entry boundaries and field
 * positions so every error can name file:line:column and the entry key. Values are still decoded by
 * citation-js (LaTeX accents, braces); this scan only keeps their raw text.
 */
import { LineIndex } from './diagnostics.ts';

export interface ScannedField {
	/** Field name, lower-cased. */
	name: string;
	/** The raw value between its delimiters (braces or quotes), or a bare number/macro. */
	raw: string;
	line: number;
	column: number;
	/** Position of the value itself. */
	valueLine: number;
	valueColumn: number;
}

export interface ScannedEntry {
	/** Entry type, lower-cased (`article`). */
	type: string;
	key: string;
	line: number;
	column: number;
	/** Offsets of the entry's text in the file, `@` to its closing delimiter inclusive. */
	start: number;
	end: number;
	fields: ScannedField[];
}

export interface ScanProblem {
	/** `dropped-entry` for an entry the scan cannot read as one; otherwise malformed BibTeX. */
	code?: 'malformed-bibtex' | 'dropped-entry';
	line: number;
	column: number;
	key?: string | undefined;
	message: string;
	hint: string;
}

export interface ScanResult {
	entries: ScannedEntry[];
	problems: ScanProblem[];
	/** Number of `@type{` entry openings seen (special types excluded), broken ones included. */
	openings: number;
}

const SPECIAL_TYPES = new Set(['comment', 'string', 'preamble']);

/** An entry opening at the start of a line: `@article{` or `@article(`. */
const OPENING = /^[ \t]*@([A-Za-z][\w-]*)[ \t]*([{(])/gm;

/** Scans a whole BibTeX text. Entries start at the beginning of a line, as every exporter writes them. */
export function scanBibtex(text: string): ScanResult {
	const lines = new LineIndex(text);
	const openings: { type: string; at: number; bodyStart: number; close: string }[] = [];
	for (const match of text.matchAll(OPENING)) {
		const type = match[1]!.toLowerCase();
		if (SPECIAL_TYPES.has(type)) continue;
		const at = match.index + match[0].indexOf('@');
		openings.push({
			type,
			at,
			bodyStart: match.index + match[0].length,
			close: match[2] === '(' ? ')' : '}',
		});
	}
	const entries: ScannedEntry[] = [];
	const problems: ScanProblem[] = [];
	// An `@type{` that does not start a line is never read as an entry: report it rather than lose it.
	let strays = 0;
	for (const match of text.matchAll(/@([A-Za-z][\w-]*)[ \t]*[{(]/g)) {
		if (SPECIAL_TYPES.has(match[1]!.toLowerCase())) continue;
		if (openings.some((o) => o.at === match.index)) continue;
		// Inside an entry's value (a title that mentions "@book{") it is text, not an entry.
		if (
			openings.some(
				(o, i) =>
					o.at < match.index &&
					match.index < (openings[i + 1]?.at ?? text.length) &&
					!/\n[ \t]*[}),][ \t]*\n/.test(text.slice(o.at, match.index)),
			)
		)
			continue;
		const key = /^[ \t]*([^\s,={}()]+)[ \t]*,/.exec(text.slice(match.index + match[0].length))?.[1];
		strays++;
		problems.push({
			code: key ? 'dropped-entry' : 'malformed-bibtex',
			key,
			...lines.at(match.index),
			message: key
				? `The entry "${key}" does not start a line, so it would not be read: it would be lost.`
				: `"${match[0]}" does not start a line, so it would not be read as an entry.`,
			hint: 'Start every entry on a line of its own; if this is not an entry, remove the "@" before the brace.',
		});
	}
	openings.forEach((opening, i) => {
		// Each entry is scanned only up to the next opening, so one broken entry never swallows the next.
		const limit = i + 1 < openings.length ? openings[i + 1]!.at : text.length;
		const result = scanEntry(text, opening, limit, lines);
		if ('problem' in result) problems.push(result.problem);
		else entries.push(result.entry);
	});
	return { entries, problems, openings: openings.length + strays };
}

function scanEntry(
	text: string,
	opening: { type: string; at: number; bodyStart: number; close: string },
	limit: number,
	lines: LineIndex,
): { entry: ScannedEntry } | { problem: ScanProblem } {
	const fail = (offset: number, message: string, hint: string, key?: string) => ({
		problem: { ...lines.at(offset), key, message, hint },
	});
	let pos = opening.bodyStart;
	const skipSpace = () => {
		while (pos < limit && /\s/.test(text[pos]!)) pos++;
	};
	skipSpace();
	// The key runs to the first comma. A key containing `=` means the key was left out.
	const keyStart = pos;
	while (pos < limit && !/[,\s}=)]/.test(text[pos]!)) pos++;
	const key = text.slice(keyStart, pos);
	skipSpace();
	if (!key || text[pos] === '=') {
		return fail(
			opening.at,
			`This @${opening.type} entry has no key.`,
			'Write a key right after the opening brace, then a comma: `@article{smith2020title,`.',
		);
	}
	if (text[pos] !== ',' && text[pos] !== opening.close) {
		return fail(
			keyStart,
			`The key "${key}" is not followed by a comma.`,
			`Write \`${key},\` and then the fields.`,
			key,
		);
	}
	const fields: ScannedField[] = [];
	while (pos < limit) {
		skipSpace();
		if (text[pos] === ',') {
			pos++;
			skipSpace();
		}
		if (text[pos] === opening.close) {
			return {
				entry: {
					type: opening.type,
					key,
					...lines.at(opening.at),
					start: opening.at,
					end: pos,
					fields,
				},
			};
		}
		if (pos >= limit) break;
		const nameStart = pos;
		while (pos < limit && /[\w.:+-]/.test(text[pos]!)) pos++;
		const name = text.slice(nameStart, pos).toLowerCase();
		skipSpace();
		if (!name || text[pos] !== '=') {
			const previous = fields.at(-1);
			return fail(
				nameStart,
				name && previous
					? `A comma is missing after the field "${previous.name}" (line ${previous.line}), before "${name}".`
					: `Expected a field such as \`title = {…}\`, found "${text.slice(nameStart, nameStart + 12).split('\n')[0]}".`,
				name && previous
					? `End the "${previous.name}" field with a comma.`
					: 'Write each field as `name = {value},` and close the entry with a single `}`.',
				key,
			);
		}
		pos++; // '='
		skipSpace();
		const valueStart = pos;
		const value = scanValue(text, pos, limit);
		if ('unclosed' in value) {
			return fail(
				valueStart,
				`The value of "${name}" opens a ${value.unclosed} that is never closed.`,
				value.unclosed === '{'
					? `Add the missing \`}\` to the "${name}" field (count its braces), or escape a literal brace as \`\\{\`.`
					: `Add the closing \`"\` to the "${name}" field.`,
				key,
			);
		}
		fields.push({
			name,
			raw: value.raw,
			...lines.at(nameStart),
			valueLine: lines.at(valueStart).line,
			valueColumn: lines.at(valueStart).column,
		});
		pos = value.end;
		skipSpace();
		if (pos < limit && text[pos] !== ',' && text[pos] !== opening.close) {
			return fail(
				pos,
				`A comma is missing after the field "${name}" (line ${lines.at(nameStart).line}).`,
				`End the "${name}" field with a comma.`,
				key,
			);
		}
	}
	return fail(
		opening.at,
		`The entry "${key}" is never closed: a \`${opening.close}\` is missing before the next entry.`,
		`Close the entry with \`${opening.close}\` after its last field.`,
		key,
	);
}

/** Reads one field value: `{…}` (nested braces), `"…"`, a number, or macros joined with `#`. */
function scanValue(
	text: string,
	start: number,
	limit: number,
): { raw: string; end: number } | { unclosed: '{' | '"' } {
	const parts: string[] = [];
	let pos = start;
	for (;;) {
		const c = text[pos];
		if (c === '{') {
			let depth = 0;
			let i = pos;
			for (; i < limit; i++) {
				const ch = text[i];
				if (ch === '\\') {
					i++;
					continue;
				}
				if (ch === '{') depth++;
				else if (ch === '}' && --depth === 0) break;
			}
			if (i >= limit) return { unclosed: '{' };
			// A brace group that runs over a line break and then looks like the next field means an unclosed brace.
			const inner = text.slice(pos + 1, i);
			if (/\n[ \t]*[A-Za-z][\w-]*[ \t]*=[ \t]*[{"\d]/.test(inner)) return { unclosed: '{' };
			parts.push(inner);
			pos = i + 1;
		} else if (c === '"') {
			let depth = 0;
			let i = pos + 1;
			for (; i < limit; i++) {
				const ch = text[i];
				if (ch === '\\') {
					i++;
					continue;
				}
				if (ch === '{') depth++;
				else if (ch === '}') depth--;
				else if (ch === '"' && depth === 0) break;
			}
			if (i >= limit) return { unclosed: '"' };
			parts.push(text.slice(pos + 1, i));
			pos = i + 1;
		} else {
			const m = /^[\w.:+-]+/.exec(text.slice(pos, Math.min(limit, pos + 200)));
			if (!m) return { raw: parts.join(''), end: pos };
			parts.push(m[0]);
			pos += m[0].length;
		}
		let j = pos;
		while (j < limit && /\s/.test(text[j]!)) j++;
		if (text[j] === '#') {
			pos = j + 1;
			while (pos < limit && /\s/.test(text[pos]!)) pos++;
			continue;
		}
		return { raw: parts.join(''), end: pos };
	}
}
