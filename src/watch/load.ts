/**
 * Reads the literature watch's files (search settings, one protocol per page, the decision log and
 * the run records) and checks them, turning every problem into a diagnostic with file:line and a
 * fix. Used by `npm run check` (through check-project.ts), by `npm run watch` and by the site.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../engine/problems/diagnostics.ts';
import { checkYamlText } from '../engine/read/yaml-file.ts';
import {
	EXCLUSION_REASONS,
	decisionLogSchema,
	protocolSchema,
	runRecordSchema,
	searchSchema,
	type Decision,
	type Protocol,
	type RunRecord,
	type SearchSettings,
} from './schema.ts';

export const WATCH_DIR = 'references/watch';

/** A page the watch must keep current: `conditions/crps` and its type. */
export interface WatchedPage {
	page: string;
	pageType: 'condition' | 'topic';
	/** The page's `searchDate` (the editors' manual search), YYYY-MM-DD. */
	searchDate?: string | undefined;
}

export interface LocatedDecision extends Decision {
	/** Where it is written, for diagnostics. */
	line: number;
}

export interface WatchData {
	search: SearchSettings | undefined;
	protocols: Protocol[];
	decisions: LocatedDecision[];
	/** Complete runs, oldest first. */
	runs: RunRecord[];
	diagnostics: Diagnostic[];
}

const reasonList = Object.keys(EXCLUSION_REASONS).join(', ');

/**
 * Loads and checks the watch folder. `pages` are the site's condition and topic pages; `libraryKeys`
 * the BibTeX keys (an `included` decision's key must be one of them).
 */
export function loadWatch(
	root: string,
	pages: readonly WatchedPage[],
	libraryKeys: ReadonlySet<string>,
	dir: string = WATCH_DIR,
): WatchData {
	const diagnostics: Diagnostic[] = [];
	const watchDir = join(root, dir);
	if (!existsSync(watchDir))
		return { search: undefined, protocols: [], decisions: [], runs: [], diagnostics };

	// search.yaml
	const searchFile = `${dir}/search.yaml`;
	let search: SearchSettings | undefined;
	if (existsSync(join(root, searchFile))) {
		const read = checkYamlText(
			readFileSync(join(root, searchFile), 'utf8'),
			searchFile,
			searchSchema,
			{
				code: 'invalid-watch-protocol',
				yamlHint:
					'Compare the quoting with the file as committed: quote every query in single quotes.',
				schemaHint: 'See the field descriptions in src/watch/schema.ts (searchSchema).',
			},
		);
		diagnostics.push(...read.diagnostics);
		search = read.data;
	} else {
		diagnostics.push({
			code: 'missing-watch-protocol',
			file: dir,
			line: 1,
			column: 1,
			message: `${searchFile} is missing: the searches have no intervention block or design filters.`,
			hint: 'Restore references/watch/search.yaml from git (`git checkout main -- references/watch/search.yaml`).',
		});
	}

	// One protocol per condition and topic page.
	const protocols: Protocol[] = [];
	const protocolDir = join(watchDir, 'protocol');
	const names = existsSync(protocolDir)
		? readdirSync(protocolDir)
				.filter((n) => /\.ya?ml$/.test(n))
				.sort()
		: [];
	const byPage = new Map(pages.map((p) => [p.page, p]));
	const covered = new Set<string>();
	for (const name of names) {
		const file = `${dir}/protocol/${name}`;
		const read = checkYamlText(
			readFileSync(join(protocolDir, name), 'utf8'),
			file,
			protocolSchema,
			{
				code: 'invalid-watch-protocol',
				yamlHint:
					'Compare the indentation and quoting with another protocol file; quote every query in single quotes.',
				schemaHint:
					'See the field descriptions in src/watch/schema.ts (protocolSchema), or copy another protocol file.',
			},
		);
		diagnostics.push(...read.diagnostics);
		const protocol = read.data;
		if (!protocol) continue;
		const at = (path: string[]) => read.positionOf(path);
		const slug = name.replace(/\.ya?ml$/, '');
		const page = byPage.get(protocol.page);
		if (!page) {
			const nearest = [...byPage.keys()].sort(
				(a, b) => distance(a, protocol.page) - distance(b, protocol.page),
			)[0];
			diagnostics.push({
				code: 'invalid-watch-protocol',
				file,
				...at(['page']),
				message: `"page: ${protocol.page}" is not a condition or topic page under content/.${nearest ? ` Did you mean "${nearest}"?` : ''}`,
				hint: 'Write the page path under content/ without extension, e.g. `page: conditions/crps`.',
			});
			continue;
		}
		if (protocol.page.split('/')[1] !== slug) {
			diagnostics.push({
				code: 'invalid-watch-protocol',
				file,
				...at(['page']),
				message: `The file is named "${name}" but keeps "${protocol.page}" current.`,
				hint: `Rename the file to "${protocol.page.split('/')[1]}.yaml" (one protocol per page, named after it).`,
			});
		}
		if (covered.has(protocol.page)) {
			diagnostics.push({
				code: 'invalid-watch-protocol',
				file,
				...at(['page']),
				message: `A second protocol for "${protocol.page}".`,
				hint: 'Keep one protocol file per page: merge the two.',
			});
			continue;
		}
		if (page.pageType === 'condition' && !protocol.clinicaltrials) {
			diagnostics.push({
				code: 'invalid-watch-protocol',
				file,
				...at([]),
				message: `"${protocol.page}" is a condition page, but its protocol has no \`clinicaltrials.cond\`, so its "Trials under way" section could never be filled.`,
				hint: 'Add `clinicaltrials:` with `cond:` (the condition as ClinicalTrials.gov names it), as in protocol/crps.yaml.',
			});
		}
		covered.add(protocol.page);
		protocols.push(protocol);
	}
	// A page whose protocol file exists but has errors is reported at that file, not as missing.
	const files = new Set(names.map((n) => n.replace(/\.ya?ml$/, '')));
	for (const page of pages) {
		if (covered.has(page.page) || files.has(page.page.split('/')[1]!)) continue;
		diagnostics.push({
			code: 'missing-watch-protocol',
			file: `content/${page.page}.mdx`,
			line: 1,
			column: 1,
			message: `The ${page.pageType} page "${page.page}" has no search protocol, so the literature watch never searches for it.`,
			hint: `Add ${dir}/protocol/${page.page.split('/')[1]}.yaml (copy a protocol of the same kind and change page, criteria and concept).`,
		});
	}

	// Run records: written by `npm run watch`, read back strictly (a hand edit is reported, not trusted).
	const runs: RunRecord[] = [];
	const runDir = join(watchDir, 'runs');
	for (const name of existsSync(runDir)
		? readdirSync(runDir)
				.filter((n) => n.endsWith('.json'))
				.sort()
		: []) {
		const file = `${dir}/runs/${name}`;
		let value: unknown;
		try {
			value = JSON.parse(readFileSync(join(runDir, name), 'utf8'));
		} catch (error) {
			diagnostics.push({
				code: 'invalid-watch-run',
				file,
				line: 1,
				column: 1,
				message: `The run record is not valid JSON: ${(error as Error).message}.`,
				hint: 'Run records are written by `npm run watch`: restore the file from git, or delete it and run the watch again.',
			});
			continue;
		}
		const parsed = runRecordSchema.safeParse(value);
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			diagnostics.push({
				code: 'invalid-watch-run',
				file,
				line: 1,
				column: 1,
				message: `The run record does not match its schema: field "${issue.path.join('.')}": ${issue.message}.`,
				hint: 'Run records are written by `npm run watch`: restore the file from git, or delete it and run the watch again.',
			});
			continue;
		}
		if (!parsed.data.fixtures) runs.push(parsed.data);
	}
	runs.sort((a, b) => a.id.localeCompare(b.id));

	const decisions = loadDecisions(root, dir, runs, libraryKeys, diagnostics);
	return { search, protocols, decisions, runs, diagnostics };
}

function loadDecisions(
	root: string,
	dir: string,
	runs: readonly RunRecord[],
	libraryKeys: ReadonlySet<string>,
	diagnostics: Diagnostic[],
): LocatedDecision[] {
	const file = `${dir}/decisions.yaml`;
	const path = join(root, file);
	if (!existsSync(path)) return [];
	const read = checkYamlText(readFileSync(path, 'utf8'), file, decisionLogSchema, {
		code: 'invalid-watch-decision',
		yamlHint:
			'Compare the indentation with the example at the top of the file: each decision starts with `- record:`.',
		schemaHint:
			'Each decision needs record, decision (included | excluded) and date (YYYY-MM-DD); see src/watch/schema.ts.',
	});
	diagnostics.push(...read.diagnostics);
	if (!read.data) return [];
	const found = new Set(runs.flatMap((run) => run.records.map((r) => r.id)));
	const first = new Map<string, { decision: Decision; line: number }>();
	const out: LocatedDecision[] = [];
	for (const [i, decision] of read.data.decisions.entries()) {
		const at = (field?: string) =>
			read.positionOf(field ? ['decisions', i, field] : ['decisions', i]);
		const line = at().line;
		let ok = true;
		if (decision.decision === 'excluded') {
			if (!decision.reason) {
				ok = false;
				diagnostics.push({
					code: 'unknown-exclusion-reason',
					file,
					...at(),
					message: `The exclusion of "${decision.record}" gives no reason.`,
					hint: `Add \`reason:\` with one of: ${reasonList}.`,
				});
			} else if (!(decision.reason in EXCLUSION_REASONS)) {
				ok = false;
				const nearest = Object.keys(EXCLUSION_REASONS).sort(
					(a, b) => distance(a, decision.reason!) - distance(b, decision.reason!),
				)[0];
				diagnostics.push({
					code: 'unknown-exclusion-reason',
					file,
					...at('reason'),
					message: `"${decision.reason}" is not one of the exclusion reasons. Did you mean "${nearest}"?`,
					hint: `Use one of: ${reasonList} (the fixed list keeps the counts by reason comparable across pages).`,
				});
			}
			if (decision.key) {
				diagnostics.push({
					code: 'invalid-watch-decision',
					file,
					...at('key'),
					message: `"${decision.record}" is excluded but names a library key ("${decision.key}").`,
					hint: 'Drop `key:` (only an included record is added to the library), or change the decision to `included`.',
				});
			}
		} else {
			if (decision.reason) {
				diagnostics.push({
					code: 'invalid-watch-decision',
					file,
					...at('reason'),
					message: `"${decision.record}" is included but gives an exclusion reason ("${decision.reason}").`,
					hint: 'Drop `reason:`, or change the decision to `excluded`.',
				});
			}
			if (decision.key && !libraryKeys.has(decision.key)) {
				diagnostics.push({
					code: 'invalid-watch-decision',
					file,
					...at('key'),
					message: `"${decision.record}" is included as "${decision.key}", which is not in the library.`,
					hint: 'Add the study with `npm run add-study -- <DOI or PMID>` and write the key it prints, or drop `key:` until it is added.',
				});
			}
		}
		if (!found.has(decision.record)) {
			diagnostics.push({
				code: 'decision-without-record',
				file,
				...at('record'),
				message: `No run of the watch found "${decision.record}", so this decision screens nothing.`,
				hint: 'Copy the record id exactly as the report or candidates.csv writes it (pmid:…, doi:… in lower case, nct:NCT…, epmc:…), or delete the decision.',
			});
		}
		const earlier = first.get(decision.record);
		if (earlier) {
			if (
				earlier.decision.decision !== decision.decision ||
				earlier.decision.reason !== decision.reason
			) {
				diagnostics.push({
					code: 'conflicting-decisions',
					file,
					...at('record'),
					message: `"${decision.record}" is decided twice, differently: ${describe(earlier.decision)} at line ${earlier.line}, ${describe(decision)} here.`,
					hint: 'Keep one decision per record: delete the one that is wrong (if screeners disagree, settle it and record the result once).',
				});
			}
			continue;
		}
		first.set(decision.record, { decision, line });
		if (ok) out.push({ ...decision, line });
	}
	return out;
}

function describe(d: Decision): string {
	return d.decision === 'excluded' ? `excluded (${d.reason ?? 'no reason'})` : 'included';
}

/** The condition and topic pages under `content/`, from their frontmatter (`pageType`, `searchDate`). */
export function watchedPages(
	relativeFiles: readonly { file: string; source: string }[],
): WatchedPage[] {
	const out: WatchedPage[] = [];
	for (const { file, source } of relativeFiles) {
		const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
		const type = /^pageType:\s*(condition|topic)\s*$/m.exec(frontmatter)?.[1];
		if (!type) continue;
		const searchDate = /^searchDate:\s*'?"?(\d{4}-\d{2}-\d{2})/m.exec(frontmatter)?.[1];
		out.push({
			page: file.replace(/\.mdx?$/, ''),
			pageType: type as 'condition' | 'topic',
			searchDate,
		});
	}
	return out.sort((a, b) => a.page.localeCompare(b.page));
}
