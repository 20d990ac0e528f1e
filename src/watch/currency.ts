/**
 * How current a page is, from the watch's records: when its literature was last searched and what
 * each run since the page's own search date found and what became of it (PRISMA 2020's counts:
 * identified per source, duplicates removed, screened, excluded by reason, awaiting, included).
 * Only real runs count (a `--fixtures` dry run never reaches the site). Pure.
 */
import {
	EXCLUSION_REASONS,
	type Decision,
	type ExclusionReason,
	type RunRecord,
	type Trial,
} from './schema.ts';

export const SOURCE_LABELS: Record<string, string> = {
	pubmed: 'PubMed',
	europepmc: 'Europe PMC',
	clinicaltrials: 'ClinicalTrials.gov',
	crossref: 'Crossref',
};

export interface PageCurrency {
	page: string;
	/** The page's own (manual) search date. */
	searchDate?: string | undefined;
	/** Undefined until a run has searched this page. */
	watch?:
		| {
				lastSearched: string;
				sources: string[];
				runs: number;
				identified: { source: string; count: number }[];
				/** Found more than once, or already in the library or decided before. */
				duplicates: number;
				/** New records: each one needs a decision. */
				found: number;
				screened: number;
				excluded: { reason: ExclusionReason; label: string; count: number }[];
				awaiting: number;
				included: number;
				/** Included and in the library (`key` set and known). */
				added: number;
		  }
		| undefined;
	/** From the last run that searched the registry for this page; undefined if none has. */
	trials?: { searched: string; list: Trial[] } | undefined;
}

export function pageCurrency(
	page: string,
	searchDate: string | undefined,
	runs: readonly RunRecord[],
	decisions: readonly Decision[],
	libraryKeys: ReadonlySet<string>,
): PageCurrency {
	const mine = runs.filter((r) => !r.fixtures && r.protocols.some((p) => p.page === page));
	if (mine.length === 0) return { page, searchDate };
	const identified = new Map<string, number>();
	const fresh = new Set<string>();
	const sources = new Set<string>();
	let trials: PageCurrency['trials'];
	for (const run of mine) {
		const p = run.protocols.find((x) => x.page === page)!;
		for (const [source, n] of Object.entries(p.identified)) {
			identified.set(source, (identified.get(source) ?? 0) + n);
			sources.add(source);
		}
		const registry = run.records.filter(
			(r) => p.records.includes(r.id) && r.kind === 'trial-registration',
		);
		if (p.trials) {
			sources.add('clinicaltrials');
			identified.set('clinicaltrials', (identified.get('clinicaltrials') ?? 0) + registry.length);
			trials = { searched: run.startedAt.slice(0, 10), list: p.trials };
		}
		for (const r of run.records) if (p.records.includes(r.id) && !r.duplicateOf) fresh.add(r.id);
	}
	const byRecord = new Map(decisions.map((d) => [d.record, d]));
	const reasons = new Map<ExclusionReason, number>();
	let screened = 0;
	let included = 0;
	let added = 0;
	for (const id of fresh) {
		const d = byRecord.get(id);
		if (!d) continue;
		screened++;
		if (d.decision === 'included') {
			included++;
			if (d.key && libraryKeys.has(d.key)) added++;
		} else if (d.reason && d.reason in EXCLUSION_REASONS) {
			const reason = d.reason as ExclusionReason;
			reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
		}
	}
	const total = [...identified.values()].reduce((a, b) => a + b, 0);
	const last = mine.at(-1)!;
	return {
		page,
		searchDate,
		watch: {
			lastSearched: last.startedAt.slice(0, 10),
			sources: ['pubmed', 'europepmc', 'clinicaltrials'].filter((s) => sources.has(s)),
			runs: mine.length,
			identified: [...identified].map(([source, count]) => ({ source, count })),
			duplicates: Math.max(0, total - fresh.size),
			found: fresh.size,
			screened,
			excluded: [...reasons]
				.map(([reason, count]) => ({ reason, label: EXCLUSION_REASONS[reason], count }))
				.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
			awaiting: fresh.size - screened,
			included,
			added,
		},
		trials,
	};
}

/**
 * One changelog and feed item per run that changed what a page shows: new records to screen, or a
 * change in its registered trials. Dated by the run.
 */
export function watchUpdates(
	page: string,
	runs: readonly RunRecord[],
): { date: Date; summary: string }[] {
	const out: { date: Date; summary: string }[] = [];
	let previousTrials: string | undefined;
	for (const run of runs) {
		if (run.fixtures) continue;
		const p = run.protocols.find((x) => x.page === page);
		if (!p) continue;
		const fresh = run.records.filter((r) => p.records.includes(r.id) && !r.duplicateOf).length;
		const trials = p.trials
			? JSON.stringify(p.trials.map((t) => [t.nct, t.status, t.hasResults]))
			: undefined;
		const trialsChanged =
			trials !== undefined && previousTrials !== undefined && trials !== previousTrials;
		const firstTrials =
			trials !== undefined && previousTrials === undefined && p.trials!.length > 0;
		if (trials !== undefined) previousTrials = trials;
		if (fresh === 0 && !trialsChanged && !firstTrials) continue;
		const parts = [
			fresh > 0 && `${fresh} new record${fresh === 1 ? '' : 's'} found, to be screened`,
			(trialsChanged || firstTrials) && 'the list of registered trials changed',
		].filter(Boolean);
		out.push({
			date: new Date(`${run.startedAt.slice(0, 10)}T00:00:00Z`),
			summary: `Literature watch: ${parts.join('; ')}.`,
		});
	}
	return out;
}
