/**
 * Is a record the watch found already known? Matched against the library (DOI in any spelling,
 * PMID, NCT number, or a near-identical title with the same first author and year) and against
 * records the editors have already decided. Pure: the library is passed in as plain identifiers.
 */
import { nearTitle, normaliseName, normaliseTitle } from '../engine/check/record-compare.ts';
import type { FoundRecord } from './schema.ts';

/**
 * A DOI as one spelling: `https://doi.org/10.1/X`, `http://dx.doi.org/…`, `doi:10.1/x` and `10.1/X`
 * are all `10.1/x` (DOIs are case-insensitive). Undefined when it is not a DOI.
 */
export function normaliseDoi(value: string | undefined): string | undefined {
	if (!value) return undefined;
	let doi = value.trim();
	try {
		doi = decodeURIComponent(doi);
	} catch {
		// a stray % is part of the text, not an escape
	}
	doi = doi
		.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
		.replace(/^doi:\s*/i, '')
		.trim()
		.toLowerCase();
	return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : undefined;
}

/** Digits only (`PMID: 123` → `123`), or undefined. */
export function normalisePmid(value: string | undefined): string | undefined {
	const digits = value?.trim().replace(/^pmid:?\s*/i, '');
	return digits && /^\d{1,9}$/.test(digits) ? String(Number(digits)) : undefined;
}

/** `nct01234567` → `NCT01234567`, or undefined. */
export function normaliseNct(value: string | undefined): string | undefined {
	const m = /^\s*nct(\d{8})\s*$/i.exec(value ?? '');
	return m ? `NCT${m[1]}` : undefined;
}

/** The id a record is screened under: PMID first (stable), then DOI, then NCT, then the source's own. */
export function recordId(ids: {
	pmid?: string | undefined;
	doi?: string | undefined;
	nct?: string | undefined;
	source?: string | undefined;
}): string | undefined {
	if (ids.pmid) return `pmid:${ids.pmid}`;
	if (ids.doi) return `doi:${ids.doi}`;
	if (ids.nct) return `nct:${ids.nct}`;
	if (ids.source) return `epmc:${ids.source}`;
	return undefined;
}

/** A library study, reduced to what de-duplication compares. */
export interface KnownStudy {
	key: string;
	doi?: string | undefined;
	pmid?: string | undefined;
	/** NCT numbers named in its entry or facts. */
	ncts: string[];
	title: string;
	firstAuthor: string;
	year?: number | undefined;
}

export type Match = NonNullable<FoundRecord['duplicateOf']>;

/** Looks records up in the library and among decided records, by every identifier and by title. */
export class KnownRecords {
	readonly #byDoi = new Map<string, string>();
	readonly #byPmid = new Map<string, string>();
	readonly #byNct = new Map<string, string>();
	readonly #titles: { key: string; title: string; author: string; year?: number | undefined }[] =
		[];
	readonly #decided = new Set<string>();

	constructor(library: readonly KnownStudy[], decidedIds: Iterable<string> = []) {
		for (const study of library) {
			const doi = normaliseDoi(study.doi);
			const pmid = normalisePmid(study.pmid);
			if (doi) this.#byDoi.set(doi, study.key);
			if (pmid) this.#byPmid.set(pmid, study.key);
			for (const nct of study.ncts) {
				const n = normaliseNct(nct);
				if (n) this.#byNct.set(n, study.key);
			}
			const title = normaliseTitle(study.title);
			if (title.length >= 10)
				this.#titles.push({
					key: study.key,
					title,
					author: normaliseName(study.firstAuthor),
					year: study.year,
				});
		}
		for (const id of decidedIds) this.#decided.add(id);
	}

	/** The library entry or decision this record duplicates, or undefined when it is new. */
	match(
		record: Pick<FoundRecord, 'id' | 'doi' | 'pmid' | 'nct' | 'title' | 'firstAuthor' | 'year'>,
	): Match | undefined {
		const doi = normaliseDoi(record.doi);
		const pmid = normalisePmid(record.pmid);
		const nct = normaliseNct(record.nct);
		if (doi && this.#byDoi.has(doi))
			return { of: 'library', key: this.#byDoi.get(doi)!, by: 'doi' };
		if (pmid && this.#byPmid.has(pmid))
			return { of: 'library', key: this.#byPmid.get(pmid)!, by: 'pmid' };
		if (nct && this.#byNct.has(nct))
			return { of: 'library', key: this.#byNct.get(nct)!, by: 'nct' };
		// A record without shared identifiers (a preprint, a record with no DOI yet): the same first
		// author, the same year (or one apart: online-first) and a near-identical title.
		const title = normaliseTitle(record.title);
		const author = normaliseName(record.firstAuthor ?? '');
		if (title.length >= 10 && author) {
			const twin = this.#titles.find(
				(t) =>
					t.author === author &&
					(record.year === undefined ||
						t.year === undefined ||
						Math.abs(t.year - record.year) <= 1) &&
					nearTitle(t.title, title),
			);
			if (twin) return { of: 'library', key: twin.key, by: 'title' };
		}
		for (const id of [
			record.id,
			pmid && `pmid:${pmid}`,
			doi && `doi:${doi}`,
			nct && `nct:${nct}`,
		]) {
			if (id && this.#decided.has(id))
				return { of: 'decision', key: id, by: id.slice(0, id.indexOf(':')) as Match['by'] };
		}
		return undefined;
	}
}

/**
 * Merges the same record found by several sources (or several pages): the first record's id is
 * kept, identifiers and abstracts found elsewhere fill the gaps. Matched by PMID, DOI, NCT, or a
 * near-identical title with the same first author.
 */
export function mergeRecords(records: readonly FoundRecord[]): FoundRecord[] {
	const out: FoundRecord[] = [];
	const index = new Map<string, FoundRecord>();
	const keysOf = (r: FoundRecord) =>
		[
			r.pmid && `pmid:${r.pmid}`,
			r.doi && `doi:${normaliseDoi(r.doi)}`,
			r.nct && `nct:${r.nct}`,
			r.firstAuthor && normaliseTitle(r.title).length >= 10
				? `t:${normaliseName(r.firstAuthor)}|${normaliseTitle(r.title)}`
				: undefined,
		].filter((k): k is string => Boolean(k));
	for (const record of records) {
		const existing = keysOf(record)
			.map((k) => index.get(k))
			.find(Boolean);
		if (!existing) {
			const copy: FoundRecord = {
				...record,
				sources: [...record.sources],
				pages: [...record.pages],
			};
			out.push(copy);
			for (const k of keysOf(copy)) index.set(k, copy);
			continue;
		}
		existing.doi ??= record.doi;
		existing.pmid ??= record.pmid;
		existing.nct ??= record.nct;
		existing.firstAuthor ??= record.firstAuthor;
		existing.year ??= record.year;
		existing.journal ??= record.journal;
		if (!existing.abstract && record.abstract) existing.abstract = record.abstract;
		if (existing.kind === 'other' && record.kind !== 'other') existing.kind = record.kind;
		for (const t of record.types) if (!existing.types.includes(t)) existing.types.push(t);
		for (const s of record.sources) if (!existing.sources.includes(s)) existing.sources.push(s);
		for (const p of record.pages) if (!existing.pages.includes(p)) existing.pages.push(p);
		// A PMID found later becomes the id, so the record is screened under its most stable name.
		const better = recordId(existing);
		if (better && better !== existing.id && better.startsWith('pmid:')) existing.id = better;
		for (const k of keysOf(existing)) index.set(k, existing);
	}
	return out;
}
