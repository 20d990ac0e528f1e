/**
 * One run of the literature watch, in memory: each due protocol searched in PubMed, Europe PMC and
 * (for condition pages) ClinicalTrials.gov over its date window, the records merged across sources
 * and checked against the library and earlier decisions, and every library DOI and PMID checked for
 * retractions. It returns the complete run record or throws (a SourceError naming the service):
 * nothing is written here, so a failed run cannot leave half a result (see write.ts).
 */
import {
	KnownRecords,
	mergeRecords,
	normaliseDoi,
	normalisePmid,
	type KnownStudy,
} from './dedupe.ts';
import type { Http } from './http.ts';
import type { WatchedPage } from './load.ts';
import type {
	Decision,
	FoundRecord,
	Protocol,
	RetractionFound,
	RunRecord,
	SearchSettings,
	Trial,
} from './schema.ts';
import { searchTrials } from './sources/clinicaltrials.ts';
import { updateNotices } from './sources/crossref.ts';
import { searchEuropePmc } from './sources/europepmc.ts';
import { esearch, esummary, retractedPmids, type NcbiAuth } from './sources/pubmed.ts';

export interface WatchInputs {
	search: SearchSettings;
	protocols: readonly Protocol[];
	pages: readonly WatchedPage[];
	/** Earlier complete runs, oldest first: the last one that searched a page starts its window. */
	runs: readonly RunRecord[];
	decisions: readonly Decision[];
	library: readonly KnownStudy[];
	http: Http;
	/** Sent to NCBI (`email`) and Crossref (`mailto`). */
	email: string;
	ncbiApiKey?: string | undefined;
	/** Marks the record as a replay of recorded responses (never shown on the site). */
	fixtures?: boolean;
}

/** The full PubMed query of a protocol (also shown on the methods page). */
export function pubmedQuery(search: SearchSettings, protocol: Protocol): string {
	const f = search.filters;
	return `(${search.intervention.pubmed}) AND (${protocol.pubmed.concept}) AND ((${f.randomisedTrials.pubmed}) OR ${f.systematicReviews.pubmed})`;
}

/** The full Europe PMC query of a protocol, without its date window. */
export function europePmcQuery(search: SearchSettings, protocol: Protocol): string {
	return `${search.intervention.europepmc} AND ${protocol.europepmc.concept} AND ${search.filters.europepmc.query}`;
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Where a page's window starts: the end of its last searched window, else its manual search date. */
export function windowStart(
	page: string,
	runs: readonly RunRecord[],
	searchDate: string | undefined,
): string | undefined {
	for (const run of [...runs].reverse()) {
		const p = run.protocols.find((x) => x.page === page);
		if (p) return p.window.to;
	}
	return searchDate;
}

/** A monthly protocol is due when four weeks have passed since its window last ended. */
export function isDue(protocol: Protocol, from: string, today: string): boolean {
	if (protocol.cadence === 'weekly') return true;
	return Date.parse(today) - Date.parse(from) >= 28 * DAY;
}

export async function runWatch(inputs: WatchInputs): Promise<RunRecord> {
	const { http, search } = inputs;
	const clock = http.clock;
	const started = clock.now();
	const today = isoDay(started);
	const auth: NcbiAuth = { tool: search.tool, email: inputs.email, apiKey: inputs.ncbiApiKey };
	const searchDates = new Map(inputs.pages.map((p) => [p.page, p.searchDate]));

	const found: FoundRecord[] = [];
	const protocols: RunRecord['protocols'] = [];
	const pmidsByPage = new Map<string, string[]>();
	for (const protocol of inputs.protocols) {
		const from = windowStart(protocol.page, inputs.runs, searchDates.get(protocol.page));
		// A page with neither a run nor a search date has no "since": the check reports the missing
		// searchDate; the watch starts such a page at today, so it never claims a window it did not search.
		const window = { from: from ?? today, to: today };
		if (!isDue(protocol, window.from, today)) continue;
		const pmids = await esearch(http, pubmedQuery(search, protocol), window, auth);
		pmidsByPage.set(protocol.page, pmids);
		const epmc = await searchEuropePmc(http, europePmcQuery(search, protocol), window);
		for (const r of epmc) found.push({ ...r, pages: [protocol.page] });
		let trials: Trial[] | undefined;
		if (protocol.clinicaltrials)
			trials = await searchTrials(
				http,
				protocol.clinicaltrials.cond,
				search.intervention.clinicaltrials,
			);
		protocols.push({
			page: protocol.page,
			window,
			identified: { pubmed: pmids.length, europepmc: epmc.length },
			records: [],
			trials,
		});
	}

	// One esummary pass for every PMID any page found.
	const allPmids = [...new Set([...pmidsByPage.values()].flat())];
	const summaries = new Map((await esummary(http, allPmids, auth)).map((r) => [r.pmid!, r]));
	for (const [page, pmids] of pmidsByPage)
		for (const pmid of pmids) {
			const summary = summaries.get(pmid);
			found.push(
				summary
					? { ...summary, pages: [page] }
					: // esummary may not yet have a record that esearch listed: keep the PMID to screen.
						{
							id: `pmid:${pmid}`,
							title: '',
							abstract: '',
							pmid,
							kind: 'other',
							types: [],
							sources: ['pubmed'],
							pages: [page],
						},
			);
		}

	// Registered trials: flagged in the library when a study there names their NCT number; one that
	// completed with results but is not in the library becomes a record to screen.
	const known = new KnownRecords(
		inputs.library,
		inputs.decisions.map((d) => d.record),
	);
	for (const p of protocols) {
		for (const trial of p.trials ?? []) {
			const match = known.match({ id: `nct:${trial.nct}`, nct: trial.nct, title: '' });
			if (match?.of === 'library') trial.inLibrary = match.key;
			if (trial.status === 'COMPLETED' && trial.hasResults && !trial.inLibrary)
				found.push({
					id: `nct:${trial.nct}`,
					title: trial.title,
					abstract: '',
					nct: trial.nct,
					kind: 'trial-registration',
					types: ['Registered trial with results'],
					sources: ['clinicaltrials'],
					pages: [p.page],
				});
		}
	}

	const earlierIds = new Set(inputs.runs.flatMap((r) => r.records.map((x) => x.id)));
	const records = mergeRecords(found).map((record) => {
		const duplicateOf =
			known.match(record) ??
			(earlierIds.has(record.id)
				? {
						of: 'earlier-run' as const,
						key: record.id,
						by: record.id.slice(0, record.id.indexOf(':')) as 'pmid',
					}
				: undefined);
		return duplicateOf ? { ...record, duplicateOf } : record;
	});
	for (const p of protocols)
		p.records = records.filter((r) => r.pages.includes(p.page)).map((r) => r.id);

	const retractions = await checkRetractions(http, inputs.library, auth, inputs.email);

	const finished = clock.now();
	const stamp = new Date(started)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
	return {
		version: 1,
		id: `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}${stamp.slice(8)}`,
		startedAt: new Date(started).toISOString(),
		finishedAt: new Date(finished).toISOString(),
		durationMs: finished - started,
		fixtures: inputs.fixtures ?? false,
		requests: { ...http.requests },
		protocols,
		records,
		retractions,
	};
}

/** Retraction notices for library studies: PubMed's publication type, then Crossref's `updated-by`. */
async function checkRetractions(
	http: Http,
	library: readonly KnownStudy[],
	auth: NcbiAuth,
	mailto: string,
): Promise<RetractionFound[]> {
	const out: RetractionFound[] = [];
	const byPmid = new Map<string, KnownStudy>();
	for (const s of library) {
		const pmid = normalisePmid(s.pmid);
		if (pmid) byPmid.set(pmid, s);
	}
	for (const pmid of await retractedPmids(http, [...byPmid.keys()], auth)) {
		const study = byPmid.get(pmid);
		if (study)
			out.push({
				key: study.key,
				source: 'pubmed',
				type: 'retraction',
				pmid,
				doi: normaliseDoi(study.doi),
			});
	}
	for (const study of library) {
		const doi = normaliseDoi(study.doi);
		if (!doi) continue;
		for (const notice of await updateNotices(http, doi, mailto)) {
			out.push({
				key: study.key,
				source: 'crossref',
				type: notice.type,
				doi,
				pmid: normalisePmid(study.pmid),
				notice: notice.notice,
				date: notice.date,
			});
		}
	}
	return out;
}
