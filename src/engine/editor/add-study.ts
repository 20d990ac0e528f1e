/**
 * `npm run add-study -- <DOI or PMID>`: turns a published record into a BibTeX entry under the
 * library's key convention, placed in key order in the right file, plus a facts stub that fails the
 * checks until an editor fills it in. It refuses a study the library already holds.
 *
 * The record comes from the same services as `npm run check -- --online` (online.ts), so what is
 * written is what the check will later compare against.
 */
import type { Library, LibraryEntry } from '../read/library.ts';
import { resolveDoi, resolvePmid, type Fetch, type PublishedRecord } from './online.ts';
import { firstAuthorFamily, nearTitle, normaliseTitle } from '../check/record-compare.ts';
import { factsStub } from '../read/facts-stub.ts';
import { cslYear, familyName } from '../read/csl-fields.ts';
import { doiFromUrl } from '../check/entry-rules.ts';
import { scanBibtex } from '../read/bibtex-scan.ts';
import { CONDITIONS, type Condition } from '../read/page-frontmatter.ts';

export type StudyId = { kind: 'doi'; value: string } | { kind: 'pmid'; value: string };

/** Reads what an editor pastes: `10.1016/…`, `doi:10.…`, `https://doi.org/10.…`, `19604642`, a PubMed URL. */
export function parseStudyId(input: string): StudyId | undefined {
	const text = input.trim();
	const doi = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?(10\.\d{4,9}\/\S+)$/i.exec(text);
	if (doi) return { kind: 'doi', value: decodeURIComponent(doi[1]!) };
	const pmid = /^(?:https?:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/|pmid:\s*)?([1-9]\d{0,8})\/?$/i.exec(
		text,
	);
	if (pmid) return { kind: 'pmid', value: pmid[1]! };
	return undefined;
}

/** Words never used as the key's title word (the library's keys skip them: afridi2013randomized). */
const STOP_WORDS = new Set(
	'a an the of on in for and or to with without is are was were does do did at by from as into than vs versus'.split(
		' ',
	),
);

/** `firstauthor` + `year` + first significant title word, lower-case ASCII (sigtermans2009ketamine). */
export function conventionalKey(record: PublishedRecord, taken: ReadonlySet<string>): string {
	const author = firstAuthorFamily(record) || 'anonymous';
	const year = cslYear(record) ?? 'nd';
	const words = normaliseTitle(record.title ?? '')
		.split(' ')
		.filter((w) => w && !STOP_WORDS.has(w));
	const base = `${author}${year}`;
	// If the key is taken by another study, use the next title word, then a letter.
	for (const word of words.length > 0 ? words : ['study']) {
		const key = `${base}${word}`;
		if (!taken.has(key)) return key;
	}
	for (const letter of 'bcdefghijklmnopqrstuvwxyz') {
		const key = `${base}${words[0] ?? 'study'}${letter}`;
		if (!taken.has(key)) return key;
	}
	throw new Error(`no free key for ${base}`);
}

/** Conditions named in the title, for the facts stub and the choice of file. */
export function conditionsInTitle(title: string): Condition[] {
	const t = normaliseTitle(title);
	const words: Record<Condition, RegExp> = {
		fibromyalgia: /\bfibromyalgia\b/,
		migraine: /\b(migraine|headache)s?\b/,
		'neuropathic-pain': /\bneuropath(ic|y)\b|\bspinal cord injur/,
		'phantom-limb-pain': /\bphantom\b/,
		crps: /\bcomplex regional pain\b|\bcrps\b|\breflex sympathetic\b/,
		'chronic-low-back-pain': /\blow back pain\b/,
		arthritis: /\barthritis\b|\bosteoarthritis\b/,
		endometriosis: /\bendometriosis\b/,
		'cancer-pain': /\bcancer\b/,
	};
	return CONDITIONS.filter((c) => words[c].test(t));
}

/** Text for a BibTeX value: markup dropped, LaTeX specials escaped, acronyms kept upper-case. */
function bibtexText(value: string): string {
	return value
		.replace(/<[^>]*>/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/\\/g, '\\textbackslash{}')
		.replace(/([&%$#_])/g, '\\$1')
		.replace(/[{}]/g, '')
		.replace(/\b([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*)\b/g, '{$1}');
}

/** The entry as the library writes it: aligned fields, authors `Family, Given`, pages with `--`. */
export function bibtexEntry(key: string, record: PublishedRecord): string {
	const authors = (record.author ?? [])
		.map((a) =>
			a.family
				? `${bibtexText(familyName(a))}${a.given ? `, ${bibtexText(a.given)}` : ''}`
				: `{${bibtexText(a.literal ?? '')}}`,
		)
		.join(' and ');
	const fields: [string, string | undefined][] = [
		['author', authors || undefined],
		['title', record.title ? bibtexText(record.title) : undefined],
		[
			'journal',
			record['container-title'] ? bibtexText(String(record['container-title'])) : undefined,
		],
		['year', cslYear(record)?.toString()],
		['volume', record.volume ? String(record.volume) : undefined],
		['number', record.issue ? String(record.issue) : undefined],
		['pages', record.page ? expandPages(String(record.page)) : undefined],
		['doi', record.DOI],
		['pmid', record.PMID],
	];
	const present = fields.filter((f): f is [string, string] => Boolean(f[1]));
	return [
		`@article{${key},`,
		...present.map(
			([name, value], i) => `  ${name.padEnd(9)} = {${value}}${i < present.length - 1 ? ',' : ''}`,
		),
		'}',
	].join('\n');
}

/** PubMed's `304-11` is pages 304–311: written in full, with BibTeX's `--`. */
export function expandPages(pages: string): string {
	const m = /^(\d+)\s*[-–]+\s*(\d+)$/.exec(pages.trim());
	if (!m) return pages.replace(/\s*[-–]+\s*/g, '--');
	const [from, to] = [m[1]!, m[2]!];
	const full = to.length < from.length ? from.slice(0, from.length - to.length) + to : to;
	return `${from}--${full}`;
}

/** Where to insert an entry so the file stays sorted by key: the offset before the next key. */
export function insertionOffset(text: string, key: string): number {
	const next = scanBibtex(text).entries.find((e) => e.key.localeCompare(key) > 0);
	if (next) return next.start;
	return text.length;
}

export type AddStudyResult =
	| {
			ok: true;
			key: string;
			file: string;
			entry: string;
			factsFile: string;
			facts: string;
			record: PublishedRecord;
	  }
	| { ok: false; message: string };

/** The library entry that already holds this study, if any. */
function existing(
	library: Library,
	record: PublishedRecord,
	id: StudyId,
): LibraryEntry | undefined {
	const doi = (id.kind === 'doi' ? id.value : record.DOI)?.toLowerCase();
	const pmid = id.kind === 'pmid' ? id.value : record.PMID;
	const sameId = library.all.find(
		(e) => (doi && e.csl.DOI?.toLowerCase() === doi) || (pmid && String(e.csl.PMID ?? '') === pmid),
	);
	if (sameId) return sameId;
	// No shared identifier: the same first author, year and near-identical title.
	const author = firstAuthorFamily(record);
	const year = cslYear(record);
	const title = normaliseTitle(record.title ?? '');
	return library.all.find(
		(e) =>
			author !== '' &&
			firstAuthorFamily(e.csl) === author &&
			cslYear(e.csl) === year &&
			nearTitle(normaliseTitle(e.csl.title ?? ''), title),
	);
}

function alreadyHeld(entry: LibraryEntry): AddStudyResult {
	return {
		ok: false,
		message: `The library already holds this study as "${entry.key}" (${entry.file}:${entry.line}). Cite it as [@${entry.key}]; nothing was written.`,
	};
}

/**
 * Looks the study up (in the library first, then doi.org or PubMed) and prepares the entry and facts stub (nothing is written here: the script
 * writes the files, so this stays testable without a disk).
 */
export async function prepareStudy(
	input: string,
	library: Library,
	fetch: Fetch,
	choose: { conditionsFile: string; topicsFile: string },
): Promise<AddStudyResult> {
	const id = parseStudyId(input);
	if (!id) {
		return {
			ok: false,
			message: `"${input}" is neither a DOI (10.xxxx/…) nor a PubMed ID (digits). Copy it from the article page or PubMed.`,
		};
	}
	// The library first, without the network: a study already there gets the key to cite even
	// offline (a doi.org link in `url` counts as its DOI).
	const held = library.all.find((e) =>
		id.kind === 'doi'
			? [e.csl.DOI, e.csl.URL && doiFromUrl(String(e.csl.URL))].some(
					(doi) => typeof doi === 'string' && doi.toLowerCase() === id.value.toLowerCase(),
				)
			: String(e.csl.PMID ?? '') === id.value,
	);
	if (held) return alreadyHeld(held);
	const lookup =
		id.kind === 'doi' ? await resolveDoi(id.value, fetch) : await resolvePmid(id.value, fetch);
	if (!lookup.found) {
		return {
			ok: false,
			message: `${id.kind === 'doi' ? 'DOI' : 'PMID'} ${id.value}: ${lookup.reason}. Nothing was written.`,
		};
	}
	const record = {
		...lookup.record,
		...(id.kind === 'doi' ? { DOI: id.value } : { PMID: id.value }),
	};
	const already = existing(library, record, id);
	if (already) return alreadyHeld(already);
	const key = conventionalKey(record, new Set(library.entries.keys()));
	const conditions = conditionsInTitle(record.title ?? '');
	const file = conditions.length > 0 ? choose.conditionsFile : choose.topicsFile;
	return {
		ok: true,
		key,
		file,
		entry: bibtexEntry(key, record),
		factsFile: `references/facts/${key}.yaml`,
		facts: factsStubFor(key, conditions),
		record,
	};
}

function factsStubFor(key: string, conditions: Condition[]): string {
	const stub = factsStub(key);
	return conditions.length > 0
		? stub.replace(
				/^conditions: \[\].*$/m,
				`conditions: [${conditions.join(', ')}]   # from the title: check`,
			)
		: stub;
}
