/**
 * A structural scan of a BibTeX file: where each entry and each field starts, and what is broken.
 *
 * citation-js parses BibTeX well but reports neither file nor entry, and can only point at a line
 * of the text it was given ("expected rbrace, got EOF at line 0 col 45"). This scan, written by hand
 * because no maintained package exposes BibTeX source positions, reads the whole language as
 * exporters write it — `@string` macros and `#` concatenation, `@preamble`, `@comment{…}`, braced or
 * parenthesised entries, quoted or braced values, any letter case — and keeps every position, so an
 * error can name file:line:column and the entry key. Values are still decoded by citation-js (LaTeX
 * accents, braces); this scan keeps their raw text, split into literal parts and macro names that
 * bibtex-macros.ts resolves.
 */
import { LineIndex } from './position.ts';

/** One piece of a value: literal text (from `{…}`, `"…"` or a number) or a macro name. */
export type ValuePart =
	{ kind: 'text'; text: string } | { kind: 'macro'; name: string; line: number; column: number };

export interface ScannedField {
	/** Field name, lower-cased. */
	name: string;
	/**
	 * The value's raw text: literal parts joined, with macros replaced by their `@string` value once
	 * bibtex-macros.ts has resolved them (until then, the macro name).
	 */
	raw: string;
	/** The value as written: literals and macro names, in order (`"Pain " # jpain`). */
	parts: ValuePart[];
	line: number;
	column: number;
	/** Position of the value itself. */
	valueLine: number;
	valueColumn: number;
	/** Set when the value was copied from the entry named by `crossref`. */
	inheritedFrom?: string;
}

export interface ScannedEntry {
	/** Entry type, lower-cased (`article`). */
	type: string;
	key: string;
	line: number;
	column: number;
	/** Position of the key itself. */
	keyLine: number;
	keyColumn: number;
	/** Offsets of the entry's text in the file, `@` to its closing delimiter inclusive. */
	start: number;
	end: number;
	/** Line of the closing delimiter. */
	endLine: number;
	/** Set when `crossref` names no entry (reported once as unknown-crossref). */
	unresolvedCrossref?: string;
	/** Fields in the order written; a field given twice is kept once (the first), and reported. */
	fields: ScannedField[];
}

/** A `@string{name = value}` definition. */
export interface ScannedMacro {
	/** Macro name, lower-cased (BibTeX macro names are case-insensitive). */
	name: string;
	parts: ValuePart[];
	line: number;
	column: number;
}

export type ScanProblemCode = 'malformed-bibtex' | 'dropped-entry' | 'duplicate-field';

export interface ScanProblem {
	code?: ScanProblemCode;
	line: number;
	column: number;
	key?: string | undefined;
	message: string;
	hint: string;
}

export interface ScanResult {
	entries: ScannedEntry[];
	macros: ScannedMacro[];
	problems: ScanProblem[];
	/**
	 * Number of entries the file holds (every `@type{` or `@type(` outside `@comment`, `@string` and
	 * `@preamble`, broken ones included). Each one is either in `entries` or named by a problem.
	 */
	openings: number;
	/** `@preamble` blocks seen: LaTeX for BibTeX styles, never printed on the site. */
	preambles: number;
	/** `@comment` blocks seen: nothing inside them is read. */
	comments: number;
}

/** Any `@word{` or `@word(`, wherever it stands outside an entry (BibTeX reads them anywhere). */
const AT_OPENING = /@[ \t]*([A-Za-z][\w-]*)[ \t]*([{(])/y;
/** An `@` at the start of a line: where a broken entry's scan stops, so it never swallows the next. */
const LINE_START_AT = /^[ \t]*@[ \t]*[A-Za-z]/gm;

/** Scans a whole BibTeX text. */
export function scanBibtex(text: string): ScanResult {
	const lines = new LineIndex(text);
	// Recovery points: each `@` that starts a line, in order.
	const lineStarts: number[] = [];
	for (const m of text.matchAll(LINE_START_AT)) lineStarts.push(m.index + m[0].indexOf('@'));
	let nextLineStart = 0;
	const recoveryAfter = (offset: number) => {
		while (nextLineStart < lineStarts.length && lineStarts[nextLineStart]! <= offset)
			nextLineStart++;
		return lineStarts[nextLineStart] ?? text.length;
	};

	const result: ScanResult = {
		entries: [],
		macros: [],
		problems: [],
		openings: 0,
		preambles: 0,
		comments: 0,
	};
	let pos = 0;
	while (pos < text.length) {
		const at = text.indexOf('@', pos);
		if (at < 0) break;
		AT_OPENING.lastIndex = at;
		const m = AT_OPENING.exec(text);
		if (!m) {
			// An `@` in the text between entries (an e-mail address in a note): BibTeX ignores it too.
			pos = at + 1;
			continue;
		}
		const type = m[1]!.toLowerCase();
		const close = m[2] === '(' ? ')' : '}';
		const bodyStart = at + m[0].length;
		if (type === 'comment' || type === 'preamble') {
			// Skip the whole balanced block, however many lines and `@`s it holds.
			const end = matchingClose(text, bodyStart, m[2]!, close, text.length);
			if (end < 0) {
				const resume = recoveryAfter(at);
				result.problems.push({
					code: 'malformed-bibtex',
					...lines.at(at),
					message: `This @${type} opens a \`${m[2]}\` that is never closed.`,
					hint: `Close the @${type} with \`${close}\`; until then everything after it would be ignored.`,
				});
				pos = resume;
				continue;
			}
			if (type === 'comment') result.comments++;
			else result.preambles++;
			pos = end + 1;
			continue;
		}
		const limit = recoveryAfter(at);
		if (type === 'string') {
			const scanned = scanMacro(text, at, bodyStart, close, limit, lines);
			if ('problem' in scanned) {
				result.problems.push(scanned.problem);
				pos = limit;
			} else {
				result.macros.push(scanned.macro);
				pos = scanned.end + 1;
			}
			continue;
		}
		result.openings++;
		const scanned = scanEntry(text, { type, at, bodyStart, close }, limit, lines);
		result.problems.push(...scanned.problems);
		if ('entry' in scanned) {
			result.entries.push(scanned.entry);
			pos = scanned.entry.end + 1;
		} else pos = limit;
	}
	return result;
}

/** Offset of the delimiter closing a group whose body starts at `from`, or -1. */
function matchingClose(
	text: string,
	from: number,
	open: string,
	close: string,
	limit: number,
): number {
	let depth = 1;
	for (let i = from; i < limit; i++) {
		const ch = text[i];
		if (ch === '\\') {
			i++;
			continue;
		}
		// Braces nest inside a parenthesised block too; only its own `)` at brace depth 1 closes it.
		if (ch === '{') depth++;
		else if (ch === '}') {
			depth--;
			if (close === '}' && depth === 0) return i;
		} else if (open === '(' && ch === ')' && depth === 1) return i;
	}
	return -1;
}

type Lines = LineIndex;

function scanMacro(
	text: string,
	at: number,
	bodyStart: number,
	close: string,
	limit: number,
	lines: Lines,
): { macro: ScannedMacro; end: number } | { problem: ScanProblem } {
	let pos = skipSpace(text, bodyStart, limit);
	const nameStart = pos;
	while (pos < limit && isNameChar(text.charCodeAt(pos))) pos++;
	const name = text.slice(nameStart, pos);
	pos = skipSpace(text, pos, limit);
	if (!name || text[pos] !== '=') {
		return {
			problem: {
				code: 'malformed-bibtex',
				...lines.at(at),
				message: 'This @string has no `name = value` inside.',
				hint: 'Write a macro as `@string{jpain = {Journal of Pain}}` and use it as `journal = jpain`.',
			},
		};
	}
	pos = skipSpace(text, pos + 1, limit);
	const value = scanValue(text, pos, limit, lines);
	if ('unclosed' in value) {
		return {
			problem: {
				code: 'malformed-bibtex',
				...lines.at(pos),
				message: `The value of the @string "${name}" opens a ${value.unclosed} that is never closed.`,
				hint: `Close the value with \`${value.unclosed === '{' ? '}' : '"'}\`.`,
			},
		};
	}
	pos = skipSpace(text, value.end, limit);
	if (text[pos] !== close) {
		return {
			problem: {
				code: 'malformed-bibtex',
				...lines.at(pos),
				message: `The @string "${name}" is not closed after its value.`,
				hint: `End it with \`${close}\`: \`@string{${name} = {…}}\`.`,
			},
		};
	}
	return { macro: { name: name.toLowerCase(), parts: value.parts, ...lines.at(at) }, end: pos };
}

// Character tests by code, not by regex: the scan visits every character of a 10,000-entry library.
function isSpace(c: number): boolean {
	return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0xfeff;
}

/** Letters, digits and `_ . : + -`: field, macro and bare-value names. */
function isNameChar(c: number): boolean {
	return (
		(c >= 97 && c <= 122) ||
		(c >= 65 && c <= 90) ||
		(c >= 48 && c <= 57) ||
		c === 95 ||
		c === 46 ||
		c === 58 ||
		c === 43 ||
		c === 45
	);
}

/** Characters that end a key: `,` space `}` `=` `)`. */
function endsKey(c: number): boolean {
	return c === 44 || isSpace(c) || c === 125 || c === 61 || c === 41;
}

function skipSpace(text: string, pos: number, limit: number): number {
	while (pos < limit && isSpace(text.charCodeAt(pos))) pos++;
	return pos;
}

function scanEntry(
	text: string,
	opening: { type: string; at: number; bodyStart: number; close: string },
	limit: number,
	lines: Lines,
): { entry: ScannedEntry; problems: ScanProblem[] } | { problems: ScanProblem[] } {
	const problems: ScanProblem[] = [];
	const fail = (offset: number, message: string, hint: string, key?: string) => ({
		problems: [
			...problems,
			{ code: 'malformed-bibtex' as const, ...lines.at(offset), key, message, hint },
		],
	});
	let pos = skipSpace(text, opening.bodyStart, limit);
	// The key runs to the first comma. A key containing `=` means the key was left out.
	const keyStart = pos;
	while (pos < limit && !endsKey(text.charCodeAt(pos))) pos++;
	const key = text.slice(keyStart, pos);
	pos = skipSpace(text, pos, limit);
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
		pos = skipSpace(text, pos, limit);
		if (text[pos] === ',') pos = skipSpace(text, pos + 1, limit);
		if (text[pos] === opening.close) {
			return {
				entry: {
					type: opening.type,
					key,
					...lines.at(opening.at),
					keyLine: lines.at(keyStart).line,
					keyColumn: lines.at(keyStart).column,
					start: opening.at,
					end: pos,
					endLine: lines.at(pos).line,
					fields,
				},
				problems,
			};
		}
		if (pos >= limit) break;
		const nameStart = pos;
		while (pos < limit && isNameChar(text.charCodeAt(pos))) pos++;
		const name = text.slice(nameStart, pos).toLowerCase();
		pos = skipSpace(text, pos, limit);
		if (!name || text[pos] !== '=') {
			const previous = fields.at(-1);
			return fail(
				nameStart,
				name && previous
					? `A comma is missing after the field "${previous.name}" (line ${previous.line}), before "${name}".`
					: `Expected a field such as \`title = {…}\`, found "${text.slice(nameStart, nameStart + 12).split('\n')[0]}".`,
				name && previous
					? `End the "${previous.name}" field with a comma.`
					: `Write each field as \`name = {value},\` and close the entry with a single \`${opening.close}\`.`,
				key,
			);
		}
		pos = skipSpace(text, pos + 1, limit);
		const valueStart = pos;
		const value = scanValue(text, pos, limit, lines);
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
		if (value.parts.length === 0) {
			return fail(
				valueStart,
				`The field "${name}" has no value.`,
				`Write the value in braces: \`${name} = {…},\`.`,
				key,
			);
		}
		const field: ScannedField = {
			name,
			raw: joinParts(value.parts),
			parts: value.parts,
			...lines.at(nameStart),
			valueLine: lines.at(valueStart).line,
			valueColumn: lines.at(valueStart).column,
		};
		const first = fields.find((f) => f.name === name);
		if (first) {
			// BibTeX keeps the first, biblatex the last: say so instead of letting tools disagree.
			problems.push({
				code: 'duplicate-field',
				line: field.line,
				column: field.column,
				key,
				message: `The field "${name}" is given twice in this entry (first at line ${first.line}).`,
				hint: `Keep one "${name}" field: delete this one or the one at line ${first.line}.`,
			});
		} else fields.push(field);
		pos = skipSpace(text, value.end, limit);
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

/** Literal parts joined, macros as their names: the raw value before macros are resolved. */
export function joinParts(parts: readonly ValuePart[]): string {
	return parts.map((p) => (p.kind === 'text' ? p.text : p.name)).join('');
}

/** Reads one field value: `{…}` (nested braces), `"…"`, a number, or macros, joined with `#`. */
function scanValue(
	text: string,
	start: number,
	limit: number,
	lines: Lines,
): { parts: ValuePart[]; end: number } | { unclosed: '{' | '"' } {
	const parts: ValuePart[] = [];
	let pos = start;
	for (;;) {
		const c = text[pos];
		if (c === '{') {
			const end = matchingClose(text, pos + 1, '{', '}', limit);
			if (end < 0) return { unclosed: '{' };
			// A brace group that runs over a line break and then looks like the next field means an unclosed brace.
			const inner = text.slice(pos + 1, end);
			if (/\n[ \t]*[A-Za-z][\w-]*[ \t]*=[ \t]*[{"\d]/.test(inner)) return { unclosed: '{' };
			parts.push({ kind: 'text', text: inner });
			pos = end + 1;
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
			parts.push({ kind: 'text', text: text.slice(pos + 1, i) });
			pos = i + 1;
		} else {
			let end = pos;
			while (end < limit && isNameChar(text.charCodeAt(end))) end++;
			if (end === pos) return { parts, end: pos };
			const word = text.slice(pos, end);
			// A bare number is literal text; any other bare word is a macro (`jan`, `jpain`).
			if (/^\d+$/.test(word)) parts.push({ kind: 'text', text: word });
			else parts.push({ kind: 'macro', name: word, ...lines.at(pos) });
			pos = end;
		}
		const j = skipSpace(text, pos, limit);
		if (text[j] === '#') {
			pos = skipSpace(text, j + 1, limit);
			continue;
		}
		return { parts, end: pos };
	}
}
