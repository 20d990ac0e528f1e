/**
 * Reads a YAML data file (facts, claims, glossary) and validates it with a zod schema, turning every
 * YAML or schema error into a diagnostic at the line of the offending node.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, DiagnosticCode } from '../problems/diagnostics.ts';
import { findInvisible, findMarkup } from './text-safety.ts';
import { MAX_FIELD_CHARS, fieldTooLong, rawTextProblems } from './text-limits.ts';

export interface YamlFile<T> {
	/** The validated data, or undefined when the file has errors (already reported). */
	data: T | undefined;
	diagnostics: Diagnostic[];
	/** 1-based line and column of the node at `path` (or of the file start). */
	positionOf(path: (string | number)[]): { line: number; column: number };
}

export interface YamlFileOptions {
	code: DiagnosticCode;
	key?: string;
	yamlHint: string;
	schemaHint: string;
	/**
	 * Fields shown as headings or link text: `<` and `>` are refused there (other text is escaped on
	 * every path to HTML, so "p<0.05" in a result is fine). Matched by field name at any depth.
	 */
	titleFields?: readonly string[];
	/** Fields that identify or link (ids, URLs): invisible formatting characters are refused there. */
	identifierFields?: readonly string[];
	/**
	 * A file written from a stub: a top-level value that is still the placeholder (`TODO`) is reported
	 * once per field, by name, instead of as a schema error; an empty file is reported as such.
	 */
	unfinished?: {
		code: DiagnosticCode;
		/** How to write the fields named (e.g. their stub lines), or the whole file when none is named. */
		hint: (fields: readonly string[]) => string;
		/** How to finish a field still `TODO`. */
		todoHint: string;
	};
}

/** A value left as the stub wrote it: `TODO`, alone or with text around it. */
const PLACEHOLDER = /\bTODO\b/;

export function readYamlFile<S extends z.ZodType>(
	path: string,
	file: string,
	schema: S,
	options: YamlFileOptions,
): YamlFile<z.infer<S>> {
	// A folder or broken link named `x.yaml` is reported at its name, not thrown as a stack trace.
	let source: string;
	try {
		source = readFileSync(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return {
			data: undefined,
			diagnostics: [
				{
					code: options.code,
					file,
					line: 1,
					column: 1,
					key: options.key,
					message: `"${file}" cannot be read as a file (${code === 'EISDIR' ? 'it is a folder' : code === 'ENOENT' ? 'it is a link to a file that does not exist' : String(code)}).`,
					hint: 'Replace it with a YAML file, or rename or remove it.',
				},
			],
			positionOf: () => ({ line: 1, column: 1 }),
		};
	}
	return checkYamlText(source, file, schema, options);
}

/** `readYamlFile` for text already read (`file` names it in diagnostics). */
export function checkYamlText<S extends z.ZodType>(
	source: string,
	file: string,
	schema: S,
	options: YamlFileOptions,
): YamlFile<z.infer<S>> {
	// Parsed on first use (a file refused as too large never is), keeping every node's position
	// for the diagnostics below.
	let document: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
	const parsedDocument = () => {
		if (!document) {
			const lineCounter = new LineCounter();
			document = { doc: parseDocument(source, { lineCounter, prettyErrors: false }), lineCounter };
		}
		return document;
	};
	const at = (offset: number | undefined) => {
		const p = parsedDocument().lineCounter.linePos(offset ?? 0);
		return { line: p.line, column: p.col };
	};
	// A missing field has no node: point at the nearest enclosing one (the entry that lacks it).
	const positionOf = (nodePath: (string | number)[]) => {
		const { doc } = parsedDocument();
		for (let depth = nodePath.length; depth >= 0; depth--) {
			const node = depth === 0 ? doc.contents : doc.getIn(nodePath.slice(0, depth), true);
			if (isNode(node)) return at(node.range?.[0]);
		}
		return at(0);
	};
	// Too large, or holding a control character: refused before the YAML is read (a 20 MB file
	// would make a 20 MB page; a NUL would reach every page that shows the text).
	const raw = rawTextProblems(source, file, 'yaml', options.key);
	if (raw.some((d) => d.code === 'too-large'))
		return { data: undefined, diagnostics: raw, positionOf: () => ({ line: 1, column: 1 }) };
	const diagnostics: Diagnostic[] = [...raw];
	const report = (where: { line: number; column: number }, message: string, hint: string) =>
		diagnostics.push({ code: options.code, file, ...where, key: options.key, message, hint });

	let value: unknown;
	const { doc } = parsedDocument();
	if (doc.errors.length > 0) {
		for (const error of doc.errors) {
			report(
				at(error.pos[0]),
				`This is not valid YAML: ${error.message.split('\n')[0]}`,
				options.yamlHint,
			);
		}
		return { data: undefined, diagnostics, positionOf };
	}
	// `toJS` refuses documents whose aliases would expand past a limit (a "billion laughs" alias
	// bomb) by throwing: report it at the file instead of stopping with a stack trace.
	try {
		value = doc.toJS({ maxAliasCount: 100 });
	} catch (error) {
		report(
			at(0),
			`This YAML cannot be read: ${(error as Error).message.split('\n')[0]}`,
			'Write each value out instead of repeating it through `&anchor` / `*alias` references.',
		);
		return { data: undefined, diagnostics, positionOf };
	}
	const unfinished = options.unfinished;
	if (unfinished && (value === null || value === undefined)) {
		diagnostics.push({
			code: unfinished.code,
			file,
			line: 1,
			column: 1,
			key: options.key,
			message: 'The file is empty: nothing in it can be published.',
			hint: unfinished.hint([]),
		});
		return { data: undefined, diagnostics, positionOf };
	}
	// Fields still holding the stub's placeholder, each named (not "expected a number, got TODO").
	const todo = new Set<string>();
	if (unfinished && value && typeof value === 'object' && !Array.isArray(value)) {
		for (const [field, v] of Object.entries(value)) {
			const texts = Array.isArray(v) ? v : [v];
			if (!texts.some((t) => typeof t === 'string' && PLACEHOLDER.test(t))) continue;
			todo.add(field);
			diagnostics.push({
				code: unfinished.code,
				file,
				...positionOf([field]),
				key: options.key,
				message: `Field "${field}" is still TODO: nothing unfinished is published.`,
				hint: unfinished.todoHint,
			});
		}
	}
	const parsed = schema.safeParse(value);
	if (todo.size > 0 && parsed.success) return { data: undefined, diagnostics, positionOf };
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			if (todo.has(String(issue.path[0]))) continue;
			const where = positionOf(issue.path as (string | number)[]);
			const field = issue.path.join('.');
			// A required field left out is named as missing, with its stub line when there is one.
			const missing = issue.path.length === 1 && valueAt(value, issue.path) === undefined;
			diagnostics.push({
				code: missing && unfinished ? unfinished.code : options.code,
				file,
				...where,
				key: options.key,
				message: missing
					? `Field "${field}" is missing.`
					: `Field "${field || '(file)'}": ${issue.message}.`,
				hint: missing && unfinished ? unfinished.hint([field]) : options.schemaHint,
			});
		}
		return { data: undefined, diagnostics, positionOf };
	}
	const titleFields = new Set(options.titleFields ?? []);
	const identifierFields = new Set([...(options.identifierFields ?? []), ...titleFields]);
	for (const [nodePath, text] of stringsIn(parsed.data, [])) {
		// The position only for a field too long: finding it parses the file with positions.
		const long =
			text.length > MAX_FIELD_CHARS
				? fieldTooLong(
						text,
						{ file, ...positionOf(nodePath), key: options.key },
						nodePath.join('.'),
					)
				: null;
		if (long) diagnostics.push(long);
		const name = [...nodePath].reverse().find((p) => typeof p === 'string');
		if (name === undefined) continue;
		const markup = titleFields.has(name) ? findMarkup(text) : null;
		const invisible = identifierFields.has(name) ? findInvisible(text) : null;
		if (!markup && !invisible) continue;
		const where = positionOf(nodePath);
		const field = nodePath.join('.');
		if (markup) {
			diagnostics.push({
				code: 'markup-in-field',
				file,
				...where,
				key: options.key,
				message: `Field "${field}" contains ${markup.description}; it is shown as a heading or link, where a browser could read it as markup.`,
				hint: 'Write it in words ("less than", "greater than") or leave the symbol out.',
			});
		}
		if (invisible) {
			diagnostics.push({
				code: 'invisible-character',
				file,
				...where,
				key: options.key,
				message: `Field "${field}" contains an invisible character (${invisible.description}) that can make it display as something else.`,
				hint: 'Retype the value without it (editors that show invisible characters help here).',
			});
		}
	}
	// Any problem keeps the data out of the site (reported, never published).
	return { data: diagnostics.length === 0 ? parsed.data : undefined, diagnostics, positionOf };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let v = data;
	for (const part of path) {
		if (!v || typeof v !== 'object') return undefined;
		v = (v as Record<PropertyKey, unknown>)[part];
	}
	return v;
}

/** Every string in parsed YAML data, with its path. */
function* stringsIn(
	value: unknown,
	path: (string | number)[],
): Generator<[(string | number)[], string]> {
	if (typeof value === 'string') yield [path, value];
	else if (Array.isArray(value))
		for (const [i, v] of value.entries()) yield* stringsIn(v, [...path, i]);
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) yield* stringsIn(v, [...path, k]);
}
