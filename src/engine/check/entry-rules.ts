/**
 * Checks on each library entry and across entries: required fields, identifiers, safety.
 * Every rule returns problems; none throws, so an editor sees them all at once.
 */
import type { Diagnostic, DiagnosticCode } from '../problems/diagnostics.ts';
import type { LibraryEntry } from '../read/library.ts';
import type { ScannedField } from '../read/bibtex-scan.ts';
import { distance } from 'fastest-levenshtein';
import { suggestion } from '../problems/nearest-keys.ts';
import { normaliseTitle, firstAuthorFamily, nearTitle } from './record-compare.ts';
import { cslYear } from '../read/csl-fields.ts';

/** The field an editor adds, instead of a DOI or PMID, to say why an entry has neither. */
export const NO_IDENTIFIER_FIELD = 'noidreason';

/**
 * The field an editor adds when only part of a record could be seen (for example title, authors and
 * abstract on an uploaded copy, but no journal, year or identifier). It excuses the missing
 * bibliographic fields and identifier instead of letting anyone fill them from memory; readers see
 * "Details not verified" beside the reference. Author and title are still required.
 * @example unverified = {Journal, year and identifiers not seen; title and abstract read on a copy}
 */
export const UNVERIFIED_FIELD = 'unverified';

/** Fields an `unverified` entry still needs: who wrote what. */
const ALWAYS_REQUIRED = new Set(['author', 'title']);

/** Whether an entry says, with a reason, that part of its record was not seen. */
export function isPartlySeen(entry: Pick<LibraryEntry, 'scanned'>): boolean {
	const reason = entry.scanned.fields.find((f) => f.name === UNVERIFIED_FIELD);
	return reason !== undefined && reason.raw.trim().length >= 10;
}

/** Fields each entry type must have; `a|b` means either. */
const REQUIRED_FIELDS: Record<string, string[]> = {
	article: ['author', 'title', 'journal|journaltitle', 'year|date'],
	book: ['author|editor', 'title', 'publisher', 'year|date'],
	incollection: ['author', 'title', 'booktitle', 'year|date'],
	inproceedings: ['author', 'title', 'booktitle', 'year|date'],
	techreport: ['author|institution', 'title', 'institution', 'year|date'],
	report: ['author|institution', 'title', 'institution', 'year|date'],
	misc: ['author|organization|institution', 'title', 'year|date'],
	online: ['author|organization', 'title', 'year|date', 'url'],
};
const DEFAULT_REQUIRED = ['title', 'year|date'];

/** Entry types of BibTeX and biblatex that citation-js maps to a CSL type. */
export const ENTRY_TYPES = [
	'article',
	'book',
	'booklet',
	'collection',
	'conference',
	'dataset',
	'inbook',
	'incollection',
	'inproceedings',
	'manual',
	'mastersthesis',
	'misc',
	'online',
	'patent',
	'periodical',
	'phdthesis',
	'proceedings',
	'reference',
	'report',
	'software',
	'standard',
	'techreport',
	'thesis',
	'unpublished',
	'www',
	'electronic',
];
const KNOWN_TYPES = new Set(ENTRY_TYPES);

/** What a key may hold: it becomes a URL path (`/studies/<key>/`) and a Pandoc citation `[@key]`. */
export const VALID_KEY = /^[A-Za-z0-9_:.-]+$/;

/** The key to suggest for an invalid one: accents stripped, other characters dropped. */
export function suggestKey(key: string): string {
	const ascii = key
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ß/g, 'ss')
		.replace(/[æÆ]/g, 'ae')
		.replace(/[œŒ]/g, 'oe')
		.replace(/[øØ]/g, 'o')
		.replace(/[łŁ]/g, 'l')
		.replace(/[/\s]+/g, '_')
		.replace(/[^A-Za-z0-9_:.-]/g, '')
		.replace(/\.{2,}/g, '.')
		.replace(/^[._:-]+|[._:-]+$/g, '');
	return ascii || 'author2020word';
}

/** Why a key is not valid, or undefined. */
export function keyProblem(key: string): string | undefined {
	if (key.includes('/'))
		return 'contains "/", which would make it a folder in the study page address';
	if (key.includes('..')) return 'contains "..", which would point outside the study pages';
	if (!VALID_KEY.test(key)) {
		const bad = [...new Set(key.replace(/[A-Za-z0-9_:.-]/g, ''))].join('');
		return `contains characters a citation cannot hold (${JSON.stringify(bad)}): only letters A–Z, digits and _ : . - are allowed`;
	}
	return undefined;
}

const DOI = /^10\.\d{4,9}\/\S+$/;
const PMID = /^[1-9]\d{0,8}$/;
/**
 * A link that is not http(s): `javascript:`, `vbscript:`, `data:text/…`, `file:/…` or any other
 * `scheme://`. Plain words before a colon ("Real-world data: a cohort") do not match.
 */
// A scheme is at most 32 characters here, so the pattern cannot rescan a long run of letters from
// every word start (time stays linear in the field's length).
const UNSAFE_SCHEME =
	/\b(?:javascript:|vbscript:|data:[a-z-]{1,40}\/|file:\/|(?!https?:\/\/)[a-z][a-z0-9+.-]{0,31}:\/\/)/i;
/**
 * A script scheme with whitespace or control characters inside it: browsers drop tabs and line
 * breaks inside a URL, so `java\tscript:`, or `java script:` written across a line break, is still
 * `javascript:`. Letters are matched one by one with optional space between them (linear time).
 */
const spaced = (word: string) => [...word].join(String.raw`[\s\u0000-\u001F]*`);
const SPACED_SCRIPT = new RegExp(
	String.raw`\b(?:${spaced('javascript')}|${spaced('vbscript')})[\s\u0000-\u001F]*:`,
	'i',
);
/** The first unsafe link in a field, as written, or null. */
function unsafeLink(text: string): string | null {
	return UNSAFE_SCHEME.exec(text)?.[0] ?? SPACED_SCRIPT.exec(text)?.[0] ?? null;
}

/** HTML tags, comments or entities that a browser would act on. */
// The start of a tag is enough (no scan for its closing `>`, which would be quadratic on a field full
// of `<a`); entity names are bounded for the same reason.
const HTML = /<\s{0,8}\/?\s{0,8}[a-z!]|<!--|(?<!\\)&#?\w{1,32};/i;

function problem(
	entry: LibraryEntry,
	code: DiagnosticCode,
	message: string,
	hint: string,
	field?: ScannedField,
): Diagnostic {
	return {
		code,
		file: entry.file,
		line: field?.line ?? entry.line,
		column: field?.column ?? entry.column,
		key: entry.key,
		message,
		hint,
	};
}

function field(entry: LibraryEntry, name: string): ScannedField | undefined {
	return entry.scanned.fields.find((f) => f.name === name);
}

/** Whether a raw field holds an HTML tag, comment or entity (reported as `html-in-field`). */
export function hasHtml(raw: string): boolean {
	return HTML.test(raw);
}

/** The tag or entity starting at `index`, up to its `>` or `;` (at most 60 characters), for messages. */
function tagAt(text: string, index: number): string {
	const window = text.slice(index, index + 60);
	const end = window.search(/[>;]/);
	return end === -1 ? window : window.slice(0, end + 1);
}

/** The entry's own fields (not those inherited through `crossref`, checked on their own entry). */
function ownField(entry: LibraryEntry, name: string): ScannedField | undefined {
	return entry.scanned.fields.find((f) => f.name === name && !f.inheritedFrom);
}

/** Checks that hold for one entry on its own. */
export function checkEntry(entry: LibraryEntry): Diagnostic[] {
	const out: Diagnostic[] = [];
	const type = entry.scanned.type;
	const names = new Set(entry.scanned.fields.map((f) => f.name));
	const partlySeen = isPartlySeen(entry);
	const reasonField = field(entry, UNVERIFIED_FIELD);
	if (reasonField && !partlySeen) {
		out.push(
			problem(
				entry,
				'missing-field',
				`The "${UNVERIFIED_FIELD}" field must say what was not seen and why.`,
				`Write the reason in words, e.g. \`${UNVERIFIED_FIELD} = {Journal, year and identifiers not seen; title and abstract read on a copy},\`.`,
				reasonField,
			),
		);
	}

	const badKey = keyProblem(entry.key);
	if (badKey) {
		out.push({
			...problem(
				entry,
				'invalid-key',
				`The key "${entry.key}" ${badKey}.`,
				`Rename it \`${suggestKey(entry.key)}\` here, in its facts file name and wherever a page cites it.`,
			),
			line: entry.scanned.keyLine,
			column: entry.scanned.keyColumn,
		});
	}
	if (!KNOWN_TYPES.has(type)) {
		const nearest = [...ENTRY_TYPES]
			.map((t) => ({ t, d: distance(type, t) }))
			.sort((a, b) => a.d - b.d)[0]!.t;
		out.push(
			problem(
				entry,
				'unknown-entry-type',
				`"@${type}" is not a BibTeX entry type.${suggestion([nearest])}`,
				`Write \`@${nearest}{${entry.key},\` (types: ${ENTRY_TYPES.slice(0, 8).join(', ')}, …).`,
			),
		);
	}

	// With a crossref that names no entry, the fields it would give are unknown: that one problem
	// (unknown-crossref) is reported instead of each field the parent would have supplied.
	const required = entry.scanned.unresolvedCrossref
		? []
		: (REQUIRED_FIELDS[type] ?? DEFAULT_REQUIRED);
	for (const alternatives of required) {
		const options = alternatives.split('|');
		// A partly seen record may lack anything but author and title; the reason says why.
		if (partlySeen && !options.some((o) => ALWAYS_REQUIRED.has(o))) continue;
		if (!options.some((name) => names.has(name) && field(entry, name)!.raw.trim() !== '')) {
			out.push(
				problem(
					entry,
					'missing-field',
					`This @${type} entry has no ${options.map((o) => `"${o}"`).join(' or ')} field.`,
					`Add \`${options[0]} = {…},\` to the entry (copy it from the published record).`,
				),
			);
		}
	}

	const year = ownField(entry, 'year');
	if (year) {
		const value = year.raw.trim();
		const max = new Date().getFullYear() + 1;
		if (!/^\d{4}$/.test(value) || Number(value) < 1800 || Number(value) > max) {
			out.push(
				problem(
					entry,
					'implausible-year',
					`The year "${value}" is not a plausible four-digit year (1800–${max}).`,
					'Write the year of publication as four digits: `year = {2021},`.',
					year,
				),
			);
		}
	}

	const doi = field(entry, 'doi');
	if (doi) {
		const value = doi.raw.trim();
		if (/^(https?:|doi:|dx\.doi|doi\.org)/i.test(value)) {
			const bare = value.replace(/^(https?:\/\/)?(dx\.)?(doi\.org\/)?(doi:\s*)?/i, '');
			out.push(
				problem(
					entry,
					'malformed-doi',
					`The DOI is given as a URL or with a prefix: "${value}".`,
					`Write the bare DOI: \`doi = {${bare}},\` (the site adds the https://doi.org/ link).`,
					doi,
				),
			);
		} else if (!DOI.test(value)) {
			out.push(
				problem(
					entry,
					'malformed-doi',
					`"${value}" is not a DOI: a DOI looks like 10.<registrant>/<suffix>.`,
					'Copy the DOI from the article page, e.g. `doi = {10.1016/j.pain.2020.01.001},`.',
					doi,
				),
			);
		}
	}
	const pmid = field(entry, 'pmid');
	if (pmid && !PMID.test(pmid.raw.trim())) {
		out.push(
			problem(
				entry,
				'malformed-pmid',
				`"${pmid.raw.trim()}" is not a PubMed ID: a PMID is digits only.`,
				'Copy the number from the PubMed record, e.g. `pmid = {10781923},`.',
				pmid,
			),
		);
	}
	if (!doi && !pmid && !partlySeen) {
		const reason = field(entry, NO_IDENTIFIER_FIELD);
		if (!reason || reason.raw.trim() === '') {
			out.push(
				problem(
					entry,
					'missing-identifier',
					'This entry has neither a DOI nor a PMID, so readers cannot check it.',
					`Add \`doi = {…}\` or \`pmid = {…}\` from the published record; if it truly has none, add \`${NO_IDENTIFIER_FIELD} = {why},\`.`,
				),
			);
		}
	}

	for (const f of entry.scanned.fields) {
		if (f.inheritedFrom) continue;
		const urlDoi = f.name === 'url' && !field(entry, 'doi') ? doiFromUrl(f.raw) : undefined;
		if (urlDoi) {
			// A DOI hidden in `url` escapes the DOI checks and the duplicate check.
			out.push(
				problem(
					entry,
					'malformed-doi',
					`The url "${f.raw.trim()}" is a DOI link, but the entry has no \`doi\` field.`,
					`Write the DOI as \`doi = {${urlDoi}},\` and remove the url${field(entry, NO_IDENTIFIER_FIELD) ? ` and \`${NO_IDENTIFIER_FIELD}\`` : ''}.`,
					f,
				),
			);
		}
		if (f.name === 'url') {
			const value = f.raw.trim();
			if (!/^https?:\/\/[^\s]+$/i.test(value)) {
				out.push(
					problem(
						entry,
						'unsafe-url',
						`The url "${value}" is not an http(s) address.`,
						'Use an https:// link to the publisher or agency page, or remove the field.',
						f,
					),
				);
				continue;
			}
		} else if (unsafeLink(f.raw)) {
			out.push(
				problem(
					entry,
					'unsafe-url',
					`The field "${f.name}" holds a link that is not http(s): "${unsafeLink(f.raw)!.replace(/\s+/g, ' ')}…" (spaces and line breaks inside a scheme count for nothing, as in a browser).`,
					'Remove the link; only http(s) addresses in the `url` field are allowed.',
					f,
				),
			);
		}
		const html = HTML.exec(f.raw);
		if (html) {
			out.push(
				problem(
					entry,
					'html-in-field',
					`The field "${f.name}" contains HTML or an HTML entity: "${tagAt(f.raw, html.index)}".`,
					'Write plain text (LaTeX such as `{\\"a}` or `\\&` is fine); remove tags like <i> or <script>.',
					f,
				),
			);
		}
	}
	return out;
}

/** `https://doi.org/10.x/y` (or dx.doi.org) in `url`: the DOI it links to. */
export function doiFromUrl(url: string): string | undefined {
	const m = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)$/i.exec(url.trim());
	if (!m) return undefined;
	try {
		return decodeURIComponent(m[1]!);
	} catch {
		return m[1];
	}
}

/** The `url` field as a DOI field, when it is a doi.org link. */
function doiUrlField(entry: LibraryEntry): ScannedField | undefined {
	const url = field(entry, 'url');
	const doi = url && doiFromUrl(url.raw);
	return doi ? { ...url, raw: doi } : undefined;
}

/** Checks across the whole library: keys and identifiers must be unique. */
export function checkAcrossEntries(all: readonly LibraryEntry[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	// Keys are compared ignoring case: two keys that differ only in case name the same study page
	// and facts file on macOS and Windows, whose file systems ignore case.
	const firstByKey = new Map<string, LibraryEntry>();
	for (const entry of all) {
		const first = firstByKey.get(entry.key.toLowerCase());
		if (first) {
			out.push(
				problem(
					entry,
					'duplicate-key',
					first.key === entry.key
						? `The key "${entry.key}" is already used at ${first.file}:${first.line}.`
						: `The key "${entry.key}" differs only in case from "${first.key}" (${first.file}:${first.line}); their study pages and facts files would be one file on macOS and Windows.`,
					'If it is the same study, delete this copy; if not, give this entry a different key (e.g. add a title word).',
				),
			);
		} else firstByKey.set(entry.key.toLowerCase(), entry);
	}
	for (const [name, normalise] of [
		['doi', (v: string) => v.trim().toLowerCase()],
		['pmid', (v: string) => v.trim()],
	] as const) {
		const firstById = new Map<string, LibraryEntry>();
		for (const entry of all) {
			// A DOI can also come in as a doi.org link in `url`: the same study then enters twice.
			const f = field(entry, name) ?? (name === 'doi' ? doiUrlField(entry) : undefined);
			if (!f) continue;
			const id = normalise(f.raw);
			const first = firstById.get(id);
			if (first && first.key !== entry.key) {
				out.push(
					problem(
						entry,
						'duplicate-identifier',
						`The ${name.toUpperCase()} ${f.raw.trim()} is also given for "${first.key}" (${first.file}:${first.line}).`,
						`Keep one entry per study: cite "${first.key}" and delete this entry, or correct the ${name.toUpperCase()}.`,
						f,
					),
				);
			} else if (!first) firstById.set(id, entry);
		}
	}
	out.push(...likelyDuplicates(all));
	return out;
}

/**
 * The same study under two keys without a shared identifier: the same first author, the same year
 * and a near-identical title (case, punctuation, LaTeX braces and accents ignored; up to one
 * character in twenty different). Entries are grouped by author and year first, so this stays fast
 * on a large library.
 */
export function likelyDuplicates(all: readonly LibraryEntry[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	const groups = new Map<string, { entry: LibraryEntry; title: string }[]>();
	const seenKeys = new Set<string>();
	for (const entry of all) {
		if (seenKeys.has(entry.key)) continue; // a duplicate key is its own problem
		seenKeys.add(entry.key);
		const author = firstAuthorFamily(entry.csl);
		const year = cslYear(entry.csl);
		const title = normaliseTitle(entry.csl.title ?? '');
		if (!author || !year || title.length < 10) continue;
		// Titles with different numbers are never the same study (nearTitle), so numbers join the group key.
		const id = `${author}|${year}|${(title.match(/\d+/g) ?? []).join(' ')}`;
		const group = groups.get(id) ?? [];
		const twin = group.find((g) => nearTitle(g.title, title));
		if (twin) {
			const a = twin.entry;
			const sameId =
				(a.csl.DOI && entry.csl.DOI && a.csl.DOI.toLowerCase() === entry.csl.DOI.toLowerCase()) ||
				(a.csl.PMID && entry.csl.PMID && a.csl.PMID === entry.csl.PMID);
			// Same DOI or PMID is already reported as duplicate-identifier.
			if (!sameId) {
				out.push(
					problem(
						entry,
						'likely-duplicate',
						`"${entry.key}" looks like the same study as "${a.key}" (${a.file}:${a.line}): same first author, year and title.`,
						`Keep one entry: cite "${a.key}" and delete "${entry.key}" (or, if they truly differ, make the titles say how).`,
					),
				);
			}
		} else group.push({ entry, title });
		groups.set(id, group);
	}
	return out;
}
