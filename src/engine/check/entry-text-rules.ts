/**
 * Checks on a library entry's text as readers will see it: after citation-js has decoded the LaTeX.
 *
 * The raw-field checks (entry-rules.ts) cannot see what LaTeX turns into: `\textless script\textgreater`
 * is harmless-looking BibTeX and decodes to `<script>`. Every field the site displays (the title in
 * `<title>`, headings and previews; authors and journal in the reference) is a title-like field, so
 * `<` and `>` are refused there whatever their spelling. Keys, identifiers and titles must also be
 * free of invisible formatting characters that could make them display as something else.
 */
import type { Diagnostic } from '../problems/diagnostics.ts';
import type { LibraryEntry } from '../read/library.ts';
import type { ScannedField } from '../read/bibtex-scan.ts';
import { hasHtml } from './entry-rules.ts';
import { MAX_FIELD_CHARS, fieldTooLong } from '../read/text-limits.ts';
import { findInvisible, findMarkup, withoutInvisible, withoutMarkup } from '../read/text-safety.ts';

/** CSL fields never displayed (so not checked for markup): editor-only or replaced by our own links. */
const NOT_DISPLAYED = new Set([
	'id',
	'citation-key',
	'note',
	'keyword',
	'abstract',
	'DOI',
	'PMID',
	'URL',
	'_graph',
]);

/** Which BibTeX field a decoded CSL field came from, to point the editor at its line. */
const BIBTEX_FIELDS: Record<string, string[]> = {
	title: ['title'],
	'title-short': ['shorttitle'],
	'container-title': ['journal', 'journaltitle', 'booktitle'],
	'container-title-short': ['shortjournal'],
	'collection-title': ['series'],
	author: ['author'],
	editor: ['editor'],
	publisher: ['publisher', 'institution', 'organization'],
	'publisher-place': ['address', 'location'],
	volume: ['volume'],
	issue: ['number', 'issue'],
	page: ['pages'],
	edition: ['edition'],
	genre: ['type'],
	number: ['number'],
};

/** Fields whose raw value must be free of invisible characters, besides the decoded title. */
const IDENTIFIER_FIELDS = ['doi', 'pmid', 'url', 'title'];

function fieldFor(entry: LibraryEntry, cslName: string): ScannedField | undefined {
	const names = BIBTEX_FIELDS[cslName] ?? [cslName.toLowerCase()];
	return entry.scanned.fields.find((f) => names.includes(f.name));
}

/** Every displayed string of a CSL value, with a path for the message ("author 2, family"). */
function* strings(value: unknown, path: string): Generator<[string, string]> {
	if (typeof value === 'string') yield [path, value];
	else if (Array.isArray(value)) {
		for (const [i, item] of value.entries())
			yield* strings(item, value.length > 1 ? `${path} ${i + 1}` : path);
	} else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}, ${k}`);
	}
}

function at(entry: LibraryEntry, field: ScannedField | undefined) {
	return {
		file: entry.file,
		line: field?.valueLine ?? field?.line ?? entry.line,
		column: field?.valueColumn ?? field?.column ?? entry.column,
		key: entry.key,
	};
}

/** Markup and invisible characters in what the entry will display, after LaTeX decoding. */
export function checkEntryText(entry: LibraryEntry): Diagnostic[] {
	const out: Diagnostic[] = [];

	const keyProblem = findInvisible(entry.key);
	if (keyProblem) {
		out.push({
			code: 'invisible-character',
			...at(entry, undefined),
			message: `The key contains an invisible character (${keyProblem.description}) at position ${keyProblem.index + 1}.`,
			hint: `Retype the key without it: \`${withoutInvisible(entry.key)}\`.`,
		});
	}

	for (const field of entry.scanned.fields) {
		if (field.raw.length <= MAX_FIELD_CHARS) continue;
		const long = fieldTooLong(field.raw, at(entry, field), field.name);
		if (long) out.push(long);
	}

	for (const [cslName, value] of Object.entries(entry.csl)) {
		if (NOT_DISPLAYED.has(cslName)) continue;
		for (const [path, text] of strings(value, cslName)) {
			const markup = findMarkup(text);
			if (!markup) continue;
			const field = fieldFor(entry, cslName);
			// Raw HTML in the field is already reported, with the tag, by entry-rules.ts.
			if (field && hasHtml(field.raw)) break;
			out.push({
				code: 'markup-in-field',
				...at(entry, field),
				message: `The ${field ? `field "${field.name}"` : `value "${path}"`} reads ${markup.description} once its LaTeX is decoded ("${excerpt(text, markup.index)}"); a browser could treat it as markup.`,
				hint: `Write it in words, e.g. "${excerpt(withoutMarkup(text), 0)}" (no \`<\`, \`>\`, \`\\textless\` or \`\\textgreater\`).`,
			});
			break;
		}
	}

	// citation-js turns a name it cannot parse (LaTeX commands in a name, say) into an empty person,
	// which would silently vanish from the reference.
	for (const role of ['author', 'editor'] as const) {
		const people = entry.csl[role];
		if (!Array.isArray(people)) continue;
		const empty = people.findIndex(
			(p: Record<string, unknown>) => !p || !(p.family || p.given || p.literal),
		);
		if (empty === -1) continue;
		const field = fieldFor(entry, role);
		out.push({
			code: 'malformed-bibtex',
			...at(entry, field),
			message: `Name ${empty + 1} of the ${role} list could not be read, so it would vanish from the reference.`,
			hint: 'Write each name as `Family, Given` and separate names with ` and `; use plain letters or LaTeX accents only.',
		});
	}

	for (const name of IDENTIFIER_FIELDS) {
		const field = entry.scanned.fields.find((f) => f.name === name);
		if (!field) continue;
		// The raw value, and for the title also the decoded one (LaTeX can spell these characters too).
		const decoded = name === 'title' && typeof entry.csl.title === 'string' ? entry.csl.title : '';
		const found = findInvisible(field.raw) ?? findInvisible(decoded);
		if (!found) continue;
		out.push({
			code: 'invisible-character',
			...at(entry, field),
			message: `The field "${name}" contains an invisible character (${found.description}) that can make it display as something else.`,
			hint: `Retype the value without it: \`${name} = {${excerpt(withoutInvisible(field.raw), 0)}}\`.`,
		});
	}
	return out;
}

/** Up to 60 characters of text around an offset, for messages (a 1 MB field stays readable). */
function excerpt(text: string, index: number): string {
	const start = Math.max(0, index - 30);
	const cut = text.slice(start, start + 60);
	return `${start > 0 ? '…' : ''}${cut}${start + 60 < text.length ? '…' : ''}`;
}
