/**
 * `npm run check -- --online`: for the entries a pull request adds or changes, looks each DOI and
 * PMID up at its registry and compares title, year and first author with the library's entry, so a
 * well-formed but wrong identifier is caught before it is published as a live link.
 *
 * - DOI: doi.org content negotiation, `Accept: application/vnd.citationstyles.csl+json` (answered
 *   by Crossref, DataCite or mEDRA as CSL-JSON).
 * - PMID: NCBI E-utilities `esummary.fcgi?db=pubmed&retmode=json`.
 *
 * `fetch` is injected, so tests replay recorded responses and never touch the network.
 */
import type { Diagnostic } from '../problems/diagnostics.ts';
import type { CslItem, LibraryEntry } from '../read/library.ts';
import { compareRecords } from '../check/record-compare.ts';
import { doiUrl, pubmedUrl } from '../read/csl-fields.ts';

export type Fetch = (
	url: string,
	init?: { headers?: Record<string, string> },
) => Promise<{
	ok: boolean;
	status: number;
	text(): Promise<string>;
}>;

/** A published record in the few CSL fields compared (plus those add-study writes). */
export interface PublishedRecord {
	type?: string | undefined;
	title?: string | undefined;
	author?: CslItem['author'];
	issued?: CslItem['issued'];
	'container-title'?: string | undefined;
	volume?: string | undefined;
	issue?: string | undefined;
	page?: string | undefined;
	DOI?: string | undefined;
	PMID?: string | undefined;
}

/** PubMed's summary service for one record (the DOI is resolved at its own doi.org address). */
export const PUBMED_URL = (pmid: string) =>
	`https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esummary.fcgi?db=pubmed&retmode=json&id=${encodeURIComponent(pmid)}`;

export type Lookup =
	| { found: true; record: PublishedRecord; source: string }
	| { found: false; reason: string; source: string };

/** Resolves a DOI to its CSL-JSON record. */
export async function resolveDoi(doi: string, fetch: Fetch): Promise<Lookup> {
	// doi.org answers content negotiation at the DOI's own address.
	const source = doiUrl(doi);
	try {
		const response = await fetch(source, {
			headers: { Accept: 'application/vnd.citationstyles.csl+json' },
		});
		if (response.status === 404) return { found: false, reason: 'doi.org has no such DOI', source };
		if (!response.ok)
			return { found: false, reason: `doi.org answered HTTP ${response.status}`, source };
		const data = JSON.parse(await response.text()) as Record<string, unknown>;
		const title = Array.isArray(data.title)
			? String(data.title[0] ?? '')
			: String(data.title ?? '');
		return {
			found: true,
			source,
			record: {
				type: typeof data.type === 'string' ? data.type : undefined,
				title,
				author: (data.author as CslItem['author']) ?? [],
				issued: (data.issued ??
					data['published-print'] ??
					data['published-online']) as CslItem['issued'],
				'container-title': Array.isArray(data['container-title'])
					? String(data['container-title'][0] ?? '')
					: (data['container-title'] as string | undefined),
				volume: data.volume as string | undefined,
				issue: data.issue as string | undefined,
				page: data.page as string | undefined,
				DOI: String(data.DOI ?? doi),
			},
		};
	} catch (error) {
		return {
			found: false,
			reason: `doi.org could not be reached (${(error as Error).message})`,
			source,
		};
	}
}

/** "de Carvalho AB" → { family: "de Carvalho", given: "A. B." }: PubMed writes initials last. */
export function pubmedName(name: string): { family: string; given?: string } {
	const parts = name.trim().split(/\s+/);
	const last = parts.at(-1) ?? '';
	if (parts.length > 1 && /^[A-Z]{1,4}$/.test(last)) {
		return { family: parts.slice(0, -1).join(' '), given: [...last].map((c) => `${c}.`).join(' ') };
	}
	return { family: name.trim() };
}

/** Resolves a PMID to its PubMed summary, as a CSL-like record. */
export async function resolvePmid(pmid: string, fetch: Fetch): Promise<Lookup> {
	const source = PUBMED_URL(pmid);
	try {
		const response = await fetch(source);
		if (!response.ok)
			return { found: false, reason: `PubMed answered HTTP ${response.status}`, source };
		const data = JSON.parse(await response.text()) as {
			result?: Record<string, Record<string, unknown>>;
		};
		const doc = data.result?.[pmid];
		if (!doc || doc.error) {
			return {
				found: false,
				reason: `PubMed has no record ${pmid}${doc?.error ? ` (${String(doc.error)})` : ''}`,
				source,
			};
		}
		const authors = ((doc.authors as { name: string; authtype?: string }[]) ?? [])
			.filter((a) => !a.authtype || a.authtype === 'Author')
			.map((a) => pubmedName(a.name));
		const year = Number(/\d{4}/.exec(String(doc.pubdate ?? doc.epubdate ?? ''))?.[0]);
		const doi = ((doc.articleids as { idtype: string; value: string }[]) ?? []).find(
			(id) => id.idtype === 'doi',
		)?.value;
		return {
			found: true,
			source,
			record: {
				type: 'article-journal',
				title: String(doc.title ?? '').replace(/\.$/, ''),
				author: authors,
				issued: year ? { 'date-parts': [[year]] } : undefined,
				'container-title': String(doc.fulljournalname ?? doc.source ?? ''),
				volume: doc.volume ? String(doc.volume) : undefined,
				issue: doc.issue ? String(doc.issue) : undefined,
				page: doc.pages ? String(doc.pages) : undefined,
				DOI: doi,
				PMID: pmid,
			},
		};
	} catch (error) {
		return {
			found: false,
			reason: `PubMed could not be reached (${(error as Error).message})`,
			source,
		};
	}
}

/**
 * The lines each `.bib` file changed relative to a base, from `git diff --unified=0` output:
 * lines added or replaced in the new version of each file.
 */
export function changedLines(diff: string): Map<string, Set<number>> {
	const out = new Map<string, Set<number>>();
	let file: string | undefined;
	for (const line of diff.split('\n')) {
		const target = /^\+\+\+ (?:b\/)?(.*)$/.exec(line);
		if (target) {
			file = target[1] === '/dev/null' ? undefined : target[1];
			continue;
		}
		const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
		if (hunk && file) {
			const start = Number(hunk[1]);
			const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
			const set = out.get(file) ?? new Set<number>();
			for (let i = start; i < start + count; i++) set.add(i);
			// A pure deletion (count 0) changes the entry around it too.
			if (count === 0) set.add(start);
			out.set(file, set);
		}
	}
	return out;
}

/** Entries whose lines (opening to closing brace) include a changed line. */
export function changedEntries(
	all: readonly LibraryEntry[],
	changed: Map<string, Set<number>>,
): LibraryEntry[] {
	return all.filter((entry) => {
		const lines = changed.get(entry.file);
		if (!lines) return false;
		for (let l = entry.line; l <= entry.scanned.endLine; l++) if (lines.has(l)) return true;
		return false;
	});
}

/** Looks up each entry's DOI and PMID and reports every difference at the identifier's line. */
export async function checkOnline(
	entries: readonly LibraryEntry[],
	fetch: Fetch,
	options: { delayMs?: number } = {},
): Promise<Diagnostic[]> {
	const out: Diagnostic[] = [];
	for (const entry of entries) {
		for (const kind of ['doi', 'pmid'] as const) {
			const field = entry.scanned.fields.find((f) => f.name === kind && !f.inheritedFrom);
			if (!field) continue;
			const id = field.raw.trim();
			const lookup = kind === 'doi' ? await resolveDoi(id, fetch) : await resolvePmid(id, fetch);
			if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
			const where = { file: entry.file, line: field.line, column: field.column, key: entry.key };
			const label = kind === 'doi' ? 'DOI' : 'PMID';
			if (!lookup.found) {
				out.push({
					code: 'online-unresolved',
					...where,
					message: `The ${label} ${id} could not be resolved: ${lookup.reason}.`,
					hint: `Copy the ${label} again from the article page or PubMed; check it opens at ${kind === 'doi' ? doiUrl(id) : pubmedUrl(id)}.`,
				});
				continue;
			}
			const differences = compareRecords(entry.csl, lookup.record);
			if (differences.length === 0) continue;
			out.push({
				code: 'online-mismatch',
				...where,
				message:
					`The ${label} ${id} resolves to a different record: ` +
					differences
						.map((d) => `${d.field} "${d.theirs}" (the entry has "${d.ours}")`)
						.join('; ') +
					'.',
				hint: `If the ${label} is wrong, copy the right one from the published record; if the entry is wrong, correct its ${differences.map((d) => d.field).join(', ')}.`,
			});
		}
	}
	return out;
}
