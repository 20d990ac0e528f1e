/**
 * Comparing two bibliographic records for "is this the same study?": the library's entry against
 * another entry (likely duplicates) or against the record a DOI or PMID resolves to (`--online`).
 * Titles differ in harmless ways between sources (case, punctuation, LaTeX braces, accents, HTML
 * tags in Crossref titles), so they are compared after normalising.
 */
import { distance } from 'fastest-levenshtein';
import type { CslItem } from '../read/library.ts';
import { cslYear, firstAuthorName } from '../read/csl-fields.ts';

/** Lower case, accents and markup stripped, every run of non-alphanumerics one space. */
export function normaliseTitle(title: string): string {
	return title
		.replace(/<[^>]*>/g, ' ')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/\u0131/g, 'i')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/**
 * Normalised titles that differ by at most one character in twenty: the same title, retyped. Titles
 * whose numbers differ ("part 1" and "part 2", "type 1" and "type 2") are never the same.
 */
export function nearTitle(a: string, b: string): boolean {
	if (a === b) return a.length > 0;
	if ((a.match(/\d+/g) ?? []).join(' ') !== (b.match(/\d+/g) ?? []).join(' ')) return false;
	if (Math.abs(a.length - b.length) > Math.floor(Math.max(a.length, b.length) / 20)) return false;
	return distance(a, b) <= Math.floor(Math.max(a.length, b.length) / 20);
}

/** A family name compared loosely: accents, case, spaces, apostrophes and hyphens ignored. */
export function normaliseName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
}

/**
 * The first author's family name with its particle, normalised, or '' when the record names none:
 * BibTeX's "de Carvalho, L." (particle apart) and Crossref's family "de Carvalho" compare equal.
 */
export function firstAuthorFamily(csl: Pick<CslItem, 'author'>): string {
	return normaliseName(firstAuthorName(csl));
}

export interface RecordDifference {
	field: 'title' | 'year' | 'first author';
	ours: string;
	theirs: string;
}

/**
 * How the library's record differs from the published one. Titles match when their normalised
 * forms are equal or one starts with the other (a subtitle left out); years when equal or one
 * apart (online-first vs issue year is common and not an error).
 */
export function compareRecords(
	ours: Pick<CslItem, 'title' | 'author' | 'issued'>,
	theirs: Pick<CslItem, 'title' | 'author' | 'issued'>,
): RecordDifference[] {
	const out: RecordDifference[] = [];
	const a = normaliseTitle(ours.title ?? '');
	const b = normaliseTitle(theirs.title ?? '');
	if (b && a !== b && !a.startsWith(b) && !b.startsWith(a)) {
		out.push({ field: 'title', ours: ours.title ?? '', theirs: theirs.title ?? '' });
	}
	const y1 = cslYear(ours);
	const y2 = cslYear(theirs);
	if (y1 && y2 && Math.abs(y1 - y2) > 1) {
		out.push({ field: 'year', ours: String(y1), theirs: String(y2) });
	}
	const f1 = firstAuthorFamily(ours);
	const f2 = firstAuthorFamily(theirs);
	if (f1 && f2 && f1 !== f2) {
		out.push({
			field: 'first author',
			ours: firstAuthorName(ours),
			theirs: firstAuthorName(theirs),
		});
	}
	return out;
}
