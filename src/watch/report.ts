/**
 * What a run hands to the screeners: a CSV that ASReview and spreadsheets read
 * (`title,abstract,doi,pmid,nct,condition,included`, one row per new record and page, `included`
 * empty until screened) and a Markdown report grouped by page, randomised trials and reviews first,
 * with the words that matter in bold.
 */
import { stringify } from 'csv-stringify/sync';
import {
	EXCLUSION_REASONS,
	type FoundRecord,
	type Protocol,
	type RecordKind,
	type RunRecord,
} from './schema.ts';
import { UNDER_WAY, statusLabel } from './sources/clinicaltrials.ts';
import { doiUrl, pubmedUrl } from '../engine/read/csl-fields.ts';

/** The issue's columns, in ASReview's names, then `record_id` (ASReview keeps it; decisions use it). */
export const CSV_COLUMNS = [
	'title',
	'abstract',
	'doi',
	'pmid',
	'nct',
	'condition',
	'included',
	'record_id',
] as const;

/** New records only (not already in the library or decided), one row per page that found them. */
export function candidatesCsv(run: RunRecord): string {
	const rows = run.records
		.filter((r) => !r.duplicateOf)
		.flatMap((r) =>
			r.pages.map((page) => ({
				record_id: r.id,
				title: r.title,
				abstract: r.abstract,
				doi: r.doi ?? '',
				pmid: r.pmid ?? '',
				nct: r.nct ?? '',
				condition: page.split('/')[1]!,
				included: '',
			})),
		);
	// RFC 4180: quotes around any field with a comma, quote or line break, quotes doubled.
	return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\n' });
}

const KIND_ORDER: RecordKind[] = ['randomised-trial', 'review', 'trial-registration', 'other'];
const KIND_TITLES: Record<RecordKind, string> = {
	'randomised-trial': 'Randomised trials',
	review: 'Systematic reviews and meta-analyses',
	'trial-registration': 'Registered trials completed with results (not in the library)',
	other: 'Other records',
};

/** Markdown's own characters in a title or abstract, escaped so they print as written. */
export function escapeMarkdown(text: string): string {
	return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** Bold for the words a screener looks for first: design words, the drug, the page's condition. */
export function highlight(text: string, conditionWords: readonly string[]): string {
	const words = [
		String.raw`randomi[sz]ed`,
		'randomly',
		'placebo',
		String.raw`(?:es|ar)?ketamine`,
		'NMDA',
		String.raw`systematic review`,
		String.raw`meta-analys[ie]s`,
		...conditionWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
	];
	const pattern = new RegExp(String.raw`\b(${words.join('|')})\b`, 'gi');
	return escapeMarkdown(text).replace(pattern, '**$1**');
}

/** Words of a page's condition worth bolding, from its ClinicalTrials.gov condition and its slug. */
export function conditionWords(protocol: Protocol | undefined, page: string): string[] {
	const fromCond = (protocol?.clinicaltrials?.cond ?? '')
		.split(/\s+OR\s+/)
		.map((w) => w.trim())
		.filter(Boolean);
	const slug = page.split('/')[1]!.replaceAll('-', ' ');
	return [
		...new Set([
			...fromCond,
			slug,
			...(slug === 'crps' ? ['CRPS', 'complex regional pain syndrome'] : []),
		]),
	];
}

function recordLine(r: FoundRecord, words: readonly string[]): string {
	const links = [
		r.pmid && `[PubMed](${pubmedUrl(r.pmid)})`,
		r.doi && `[DOI](${doiUrl(r.doi)})`,
		r.nct && `[Registry](https://clinicaltrials.gov/study/${r.nct})`,
	].filter(Boolean);
	const byline = [
		r.firstAuthor && `${escapeMarkdown(r.firstAuthor)} et al.`,
		r.journal && `*${escapeMarkdown(r.journal)}*`,
		r.year,
	]
		.filter(Boolean)
		.join(', ');
	const lines = [
		`- \`${r.id}\`: ${r.title ? highlight(r.title, words) : '(no title in the summary yet)'}`,
		`  ${[byline, r.sources.join(' + '), links.join(' · ')].filter(Boolean).join(' · ')}`,
	];
	if (r.abstract) {
		const short =
			r.abstract.length > 600 ? `${r.abstract.slice(0, 600).replace(/\s+\S*$/, '')} …` : r.abstract;
		lines.push(`  > ${highlight(short, words)}`);
	}
	return lines.join('\n');
}

export function markdownReport(run: RunRecord, protocols: readonly Protocol[]): string {
	const byPage = new Map(protocols.map((p) => [p.page, p]));
	const fresh = run.records.filter((r) => !r.duplicateOf);
	const known = run.records.filter((r) => r.duplicateOf);
	const out: string[] = [
		`# Literature watch: run ${run.id}${run.fixtures ? ' (recorded test responses, not a real search)' : ''}`,
		'',
		`Searched ${run.startedAt.slice(0, 10)} in ${(run.durationMs / 1000).toFixed(1)} s with ${Object.values(run.requests).reduce((a, b) => a + b, 0)} requests (${Object.entries(
			run.requests,
		)
			.map(([s, n]) => `${s} ${n}`)
			.join(
				', ',
			)}). ${fresh.length} new record${fresh.length === 1 ? '' : 's'} to screen; ${known.length} already known.`,
		'',
		'| Page | Entrez dates | PubMed | Europe PMC | New | Known | Trials under way |',
		'| --- | --- | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const p of run.protocols) {
		const recs = run.records.filter((r) => p.records.includes(r.id));
		out.push(
			`| ${p.page} | ${p.window.from} to ${p.window.to} | ${p.identified.pubmed ?? 0} | ${p.identified.europepmc ?? 0} | ${recs.filter((r) => !r.duplicateOf).length} | ${recs.filter((r) => r.duplicateOf).length} | ${p.trials ? p.trials.filter((t) => UNDER_WAY.has(t.status)).length : 'not searched'} |`,
		);
	}
	out.push('');
	if (run.retractions.length > 0) {
		out.push('## Retractions and corrections of studies in the library', '');
		for (const r of run.retractions) {
			out.push(
				`- **${r.key}**: ${r.type.replaceAll('_', ' ')} (${r.source}${r.date ? `, ${r.date}` : ''})${r.notice ? `, notice [${r.notice}](${doiUrl(r.notice)})` : ''}.`,
			);
		}
		out.push(
			'',
			'For a retraction or withdrawal, add to `references/facts/<key>.yaml` (then `npm run check` names every page that must stop citing it):',
			'',
			'```yaml',
			'retraction: { type: retraction, date: YYYY-MM-DD, source: crossref, notice: https://doi.org/<notice DOI> }',
			'```',
			'',
		);
	}
	const quiet: string[] = [];
	for (const p of run.protocols) {
		const words = conditionWords(byPage.get(p.page), p.page);
		const recs = fresh.filter((r) => r.pages.includes(p.page));
		const completed = (p.trials ?? []).filter(
			(t) => t.status === 'COMPLETED' && t.hasResults && !t.inLibrary,
		);
		if (recs.length === 0 && !p.trials?.length) {
			quiet.push(p.page);
			continue;
		}
		out.push(`## ${p.page}`, '');
		if (recs.length === 0) out.push('No new records.', '');
		for (const kind of KIND_ORDER) {
			const group = recs.filter((r) => r.kind === kind);
			if (group.length === 0) continue;
			out.push(
				`### ${KIND_TITLES[kind]} (${group.length})`,
				'',
				...group.map((r) => recordLine(r, words)),
				'',
			);
		}
		if (p.trials) {
			const underWay = p.trials.filter((t) => UNDER_WAY.has(t.status));
			out.push(
				`### Registered trials: ${p.trials.length} in ClinicalTrials.gov, ${underWay.length} under way`,
				'',
			);
			if (completed.length > 0)
				out.push(
					`**Flag:** ${completed.length} completed with results posted but not in the library: ${completed.map((t) => t.nct).join(', ')}.`,
					'',
				);
			if (p.trials.length > 0) {
				out.push(
					'| NCT | Status | People | Completion | Results | In library |',
					'| --- | --- | ---: | --- | --- | --- |',
				);
				for (const t of p.trials)
					out.push(
						`| [${t.nct}](https://clinicaltrials.gov/study/${t.nct}) | ${statusLabel(t.status)} | ${t.enrollment ?? ''} | ${t.completion ?? ''}${t.completionType === 'ESTIMATED' ? ' (expected)' : ''} | ${t.hasResults ? 'posted' : 'none'} | ${t.inLibrary ?? ''} |`,
					);
				out.push('');
			}
		}
	}
	if (quiet.length > 0)
		out.push(`No new records and no registered trials for: ${quiet.join(', ')}.`, '');
	if (known.length > 0) {
		out.push('## Already known (nothing to screen)', '');
		for (const r of known)
			out.push(
				`- \`${r.id}\`: ${r.duplicateOf!.of === 'library' ? `in the library as \`${r.duplicateOf!.key}\`` : r.duplicateOf!.of === 'decision' ? 'decided earlier' : 'found by an earlier run'} (matched by ${r.duplicateOf!.by})`,
			);
		out.push('');
	}
	out.push(
		'## How to screen',
		'',
		"Screen each new record against the page's inclusion criteria (references/watch/protocol/<page>.yaml, shown on the site under About → Literature watch), in this report or in `candidates.csv` (ASReview reads it). Record every decision in `references/watch/decisions.yaml`:",
		'',
		'```yaml',
		'  - record: pmid:12345678',
		'    decision: excluded',
		`    reason: not-chronic-pain # one of: ${Object.keys(EXCLUSION_REASONS).join(', ')}`,
		'    date: YYYY-MM-DD',
		'```',
		'',
		'An included record is added with `npm run add-study -- <DOI or PMID>`, then its decision gets `key: <the key printed>`.',
		'',
	);
	return out.join('\n');
}
