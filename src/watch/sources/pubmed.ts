/**
 * PubMed through NCBI E-utilities: `esearch` for the PMIDs that entered PubMed in a date window
 * (`datetype=edat`), paged with `retstart`; `esummary` for their titles, authors, journal, year,
 * publication types and DOI. `tool` and `email` go with every request, as NCBI asks; `api_key`
 * when one is set (it raises the limit from 3 to 10 requests a second).
 */
import { normaliseDoi } from '../dedupe.ts';
import { SourceError, type Http } from '../http.ts';
import type { FoundRecord, RecordKind } from '../schema.ts';

export const EUTILS = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils';

export interface NcbiAuth {
	tool: string;
	email: string;
	apiKey?: string | undefined;
}

/** Records per esearch page; E-utilities allows up to 10,000. */
const PAGE = 500;
/** PMIDs per esummary request (kept short enough for a GET). */
const SUMMARY_BATCH = 200;

function auth(a: NcbiAuth): string {
	return (
		`&tool=${encodeURIComponent(a.tool)}&email=${encodeURIComponent(a.email)}` +
		(a.apiKey ? `&api_key=${encodeURIComponent(a.apiKey)}` : '')
	);
}

/** `2026-12-01` → `2026/12/01`, the form E-utilities takes. */
const ncbiDate = (day: string) => day.replaceAll('-', '/');

interface EsearchAnswer {
	esearchresult?: { count?: string; idlist?: string[]; ERROR?: string };
	error?: string;
}

/** Every PMID matching `term`, by Entrez date, `from` and `to` inclusive (YYYY-MM-DD). */
export async function esearch(
	http: Http,
	term: string,
	window: { from: string; to: string } | undefined,
	a: NcbiAuth,
): Promise<string[]> {
	const ids: string[] = [];
	for (let start = 0; ; start += PAGE) {
		const url =
			`${EUTILS}/esearch.fcgi?db=pubmed&term=${encodeURIComponent(term)}` +
			(window
				? `&datetype=edat&mindate=${ncbiDate(window.from)}&maxdate=${ncbiDate(window.to)}`
				: '') +
			`&retmode=json&retmax=${PAGE}&retstart=${start}${auth(a)}`;
		const answer = await http.json<EsearchAnswer>('pubmed', url);
		const result = answer.esearchresult;
		if (!result || !Array.isArray(result.idlist) || result.ERROR || answer.error) {
			throw new SourceError(
				'pubmed',
				`esearch answered without a result (${result?.ERROR ?? answer.error ?? 'no esearchresult'})`,
				url,
			);
		}
		ids.push(...result.idlist);
		const count = Number(result.count ?? 0);
		if (result.idlist.length === 0 || start + PAGE >= count) break;
	}
	return [...new Set(ids)];
}

interface SummaryItem {
	uid?: string;
	title?: string;
	pubdate?: string;
	sortpubdate?: string;
	source?: string;
	fulljournalname?: string;
	authors?: { name?: string; authtype?: string }[];
	pubtype?: string[];
	articleids?: { idtype?: string; value?: string }[];
	elocationid?: string;
}

/** The family name in PubMed's "Sigtermans MJ" form: everything before the initials. */
export function pubmedFamily(name: string | undefined): string | undefined {
	if (!name) return undefined;
	const parts = name.trim().split(/\s+/);
	return parts.length > 1 && /^[A-Z]{1,4}$/.test(parts.at(-1)!)
		? parts.slice(0, -1).join(' ')
		: name.trim();
}

/** Randomised trials and reviews by publication type, else by the words of the title. */
export function kindOf(types: readonly string[], title: string): RecordKind {
	const t = types.map((x) => x.toLowerCase());
	if (
		t.some(
			(x) => x.includes('randomized controlled trial') || x.includes('randomised controlled trial'),
		)
	)
		return 'randomised-trial';
	if (t.some((x) => x === 'systematic review' || x === 'meta-analysis')) return 'review';
	if (/\brandomi[sz]ed\b|\brandomly\b/i.test(title)) return 'randomised-trial';
	if (/systematic review|meta-analy/i.test(title)) return 'review';
	return 'other';
}

/** Summaries of `pmids`, in batches. */
export async function esummary(
	http: Http,
	pmids: readonly string[],
	a: NcbiAuth,
): Promise<FoundRecord[]> {
	const out: FoundRecord[] = [];
	for (let i = 0; i < pmids.length; i += SUMMARY_BATCH) {
		const batch = pmids.slice(i, i + SUMMARY_BATCH);
		const url = `${EUTILS}/esummary.fcgi?db=pubmed&id=${batch.join(',')}&retmode=json${auth(a)}`;
		const answer = await http.json<{ result?: Record<string, unknown> & { uids?: string[] } }>(
			'pubmed',
			url,
		);
		if (!answer.result || !Array.isArray(answer.result.uids)) {
			throw new SourceError('pubmed', 'esummary answered without a result', url);
		}
		for (const uid of answer.result.uids) {
			const item = answer.result[uid] as SummaryItem | undefined;
			if (!item || !item.title) continue;
			const doiId = item.articleids?.find((x) => x.idtype === 'doi')?.value;
			const doi = normaliseDoi(doiId ?? item.elocationid?.replace(/^.*doi:\s*/i, ''));
			const year = Number(/\d{4}/.exec(item.sortpubdate ?? item.pubdate ?? '')?.[0]);
			const types = item.pubtype ?? [];
			out.push({
				id: `pmid:${uid}`,
				title: item.title.trim(),
				abstract: '',
				pmid: uid,
				doi,
				firstAuthor: pubmedFamily(
					item.authors?.find((x) => (x.authtype ?? 'Author') === 'Author')?.name,
				),
				year: Number.isFinite(year) && year > 0 ? year : undefined,
				journal: item.fulljournalname ?? item.source,
				kind: kindOf(types, item.title),
				types,
				sources: ['pubmed'],
				pages: [],
			});
		}
	}
	return out;
}

/** Which of the library's PMIDs PubMed marks "Retracted Publication" (one search for all). */
export async function retractedPmids(
	http: Http,
	pmids: readonly string[],
	a: NcbiAuth,
): Promise<string[]> {
	if (pmids.length === 0) return [];
	const term = `"Retracted Publication"[pt] AND (${pmids.map((p) => `${p}[pmid]`).join(' OR ')})`;
	return esearch(http, term, undefined, a);
}
