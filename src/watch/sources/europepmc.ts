/**
 * Europe PMC's REST search: it adds preprints (source PPR) and non-MEDLINE journals to PubMed's
 * records, with abstracts. Paged by cursor (`cursorMark=*`, then each answer's `nextCursorMark`
 * until it repeats or the page is empty); the date window is the first index date (FIRST_IDATE).
 */
import { normaliseDoi, normalisePmid } from '../dedupe.ts';
import { SourceError, type Http } from '../http.ts';
import type { FoundRecord } from '../schema.ts';
import { kindOf } from './pubmed.ts';

export const EUROPEPMC = 'https://www.ebi.ac.uk/europepmc/webservices/rest/search';
const PAGE = 1000;

interface EpmcResult {
	id?: string;
	source?: string;
	pmid?: string;
	doi?: string;
	title?: string;
	authorString?: string;
	authorList?: { author?: { lastName?: string; fullName?: string }[] };
	pubYear?: string;
	journalTitle?: string;
	journalInfo?: { journal?: { title?: string } };
	abstractText?: string;
	pubTypeList?: { pubType?: string[] };
}

interface EpmcAnswer {
	hitCount?: number;
	nextCursorMark?: string;
	resultList?: { result?: EpmcResult[] };
}

/** Europe PMC abstracts carry a little HTML (`<h4>`, `<i>`): plain text for the CSV and report. */
const plain = (html: string | undefined) =>
	(html ?? '')
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

export async function searchEuropePmc(
	http: Http,
	query: string,
	window: { from: string; to: string },
): Promise<FoundRecord[]> {
	const full = `${query} AND FIRST_IDATE:[${window.from} TO ${window.to}]`;
	const out: FoundRecord[] = [];
	let cursor = '*';
	for (;;) {
		const url = `${EUROPEPMC}?query=${encodeURIComponent(full)}&format=json&resultType=core&pageSize=${PAGE}&cursorMark=${encodeURIComponent(cursor)}`;
		const answer = await http.json<EpmcAnswer>('europepmc', url);
		const results = answer.resultList?.result;
		if (!Array.isArray(results))
			throw new SourceError('europepmc', 'answered without a resultList', url);
		for (const r of results) {
			if (!r.title) continue;
			const pmid = normalisePmid(r.pmid);
			const doi = normaliseDoi(r.doi);
			const source = r.source && r.id ? `${r.source}:${r.id}` : undefined;
			const id = pmid ? `pmid:${pmid}` : doi ? `doi:${doi}` : source ? `epmc:${source}` : undefined;
			if (!id) continue;
			const types = r.pubTypeList?.pubType ?? [];
			const year = Number(r.pubYear);
			const title = plain(r.title).replace(/\.$/, '');
			out.push({
				id,
				title,
				abstract: plain(r.abstractText),
				pmid,
				doi,
				firstAuthor:
					r.authorList?.author?.[0]?.lastName ??
					r.authorString?.split(',')[0]?.trim().split(/\s+/).slice(0, -1).join(' '),
				year: Number.isFinite(year) && year > 0 ? year : undefined,
				journal: r.journalInfo?.journal?.title ?? r.journalTitle,
				kind: kindOf(types, title),
				types,
				sources: ['europepmc'],
				pages: [],
			});
		}
		const next = answer.nextCursorMark;
		if (results.length === 0 || !next || next === cursor) break;
		cursor = next;
	}
	return out;
}
