/**
 * `npm run watch`: runs the literature watch's protocol (references/watch/) against PubMed, Europe
 * PMC, ClinicalTrials.gov and Crossref, and writes the report, the candidates CSV and the run
 * record, all or nothing. A failed run names the service that failed and writes nothing.
 *
 * Options:
 *   --root <dir>        the project (default: the current directory)
 *   --out <dir>         where to write (default: <root>/references/watch)
 *   --fixtures <dir>    answer from recorded responses (<dir>/routes.json) instead of the network:
 *                       a dry run; needs --out, and its run record is marked as such
 *   --today <YYYY-MM-DD> the day the run counts as (default: today); for dry runs and tests
 *
 * Environment: WATCH_EMAIL (required for a real run: NCBI and Crossref ask for a contact address),
 * NCBI_API_KEY (optional: 10 requests a second instead of 3).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProject } from '../src/engine/check/check-project.ts';
import { formatDiagnostic } from '../src/engine/problems/diagnostics.ts';
import {
	Http,
	SourceError,
	defaultIntervals,
	systemClock,
	type Clock,
	type WatchFetch,
} from '../src/watch/http.ts';
import { knownStudies } from '../src/watch/library-index.ts';
import { watchedPages } from '../src/watch/load.ts';
import { replayFetch } from '../src/watch/replay.ts';
import { candidatesCsv, markdownReport } from '../src/watch/report.ts';
import { runWatch } from '../src/watch/run.ts';
import { writeRun } from '../src/watch/write.ts';
import { retractionChanges } from '../src/watch/retractions.ts';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { commandLine } from './cli.ts';

export interface WatchCliDependencies {
	argv: string[];
	env: Record<string, string | undefined>;
	fetch?: WatchFetch;
	clock?: Clock;
	out?: (line: string) => void;
	err?: (line: string) => void;
}

function listPageSources(contentDir: string): { file: string; source: string }[] {
	const out: { file: string; source: string }[] = [];
	for (const dir of ['conditions', 'topics']) {
		let names: string[];
		try {
			names = readdirSync(join(contentDir, dir));
		} catch {
			continue;
		}
		for (const name of names.filter((n) => /\.mdx?$/.test(n)))
			out.push({
				file: `${dir}/${name}`,
				source: readFileSync(join(contentDir, dir, name), 'utf8'),
			});
	}
	return out;
}

export async function main(deps: WatchCliDependencies): Promise<number> {
	const { argv, env } = deps;
	const { out, err, option } = commandLine(argv, deps);
	const root = resolve(option('--root') ?? process.cwd());
	const fixtures = option('--fixtures');
	const outOption = option('--out');
	if (fixtures && !outOption) {
		err('✗ --fixtures needs --out <dir>: a dry run never writes into references/watch.');
		return 2;
	}
	const outDir = resolve(outOption ?? join(root, 'references/watch'));
	const email = fixtures ? 'dry-run@example.org' : env.WATCH_EMAIL;
	if (!email) {
		err(
			'✗ Set WATCH_EMAIL to a contact address: NCBI E-utilities and Crossref ask every client for one.',
		);
		return 2;
	}

	const evidence = checkProject({ root });
	const { watch } = evidence;
	if (watch.diagnostics.length > 0 || !watch.search) {
		err(watch.diagnostics.map(formatDiagnostic).join('\n\n'));
		err(
			`\n✗ The watch's own files have ${watch.diagnostics.length} problem(s); fix them first (npm run check lists them too).`,
		);
		return 1;
	}
	const today = option('--today');
	const baseClock = deps.clock ?? systemClock;
	// --today shifts the clock to that day, 06:00 UTC (the workflow's hour), keeping its pace.
	const offset = today ? Date.parse(`${today}T06:00:00Z`) - baseClock.now() : 0;
	const clock: Clock = { now: () => baseClock.now() + offset, sleep: baseClock.sleep };
	const apiKey = env.NCBI_API_KEY || undefined;
	const fetch =
		deps.fetch ??
		(fixtures ? replayFetch(resolve(fixtures)) : (globalThis.fetch as unknown as WatchFetch));
	const http = new Http({
		fetch,
		clock,
		// Recorded answers need no pacing: a dry run shows the engine's own time.
		intervals: fixtures ? {} : defaultIntervals(Boolean(apiKey)),
		retries: 3,
		backoffMs: fixtures ? 0 : 2000,
		timeoutMs: 30_000,
	});
	const started = performance.now();
	// The state a failed run leaves: the newest complete run record in the output folder.
	const last = existsSync(join(outDir, 'runs'))
		? readdirSync(join(outDir, 'runs'))
				.filter((n) => n.endsWith('.json'))
				.sort()
				.at(-1)
		: undefined;
	let run;
	try {
		run = await runWatch({
			search: watch.search,
			protocols: watch.protocols,
			pages: watchedPages(listPageSources(join(root, 'content'))),
			runs: watch.runs,
			decisions: watch.decisions,
			library: knownStudies(evidence.library, evidence.facts),
			http,
			email,
			ncbiApiKey: apiKey,
			fixtures: Boolean(fixtures),
		});
	} catch (error) {
		const what =
			error instanceof SourceError
				? `${error.source} failed: ${error.reason}\n    asked: ${error.url}`
				: String(error);
		err(`✗ The watch stopped: ${what}`);
		err(
			`  Nothing was written; ${outDir} is as it was (last complete run: ${last ?? 'none yet'}).`,
		);
		return 1;
	}
	// Retractions go into the facts files only on a run that updates the project's own state.
	const ownState = outDir === resolve(root, 'references/watch');
	const changes = ownState
		? retractionChanges(run, evidence.facts, (file) => readFileSync(join(root, file), 'utf8'))
		: [];
	const files = writeRun(
		outDir,
		run,
		markdownReport(run, watch.protocols),
		candidatesCsv(run),
		changes.map((c) => ({ path: join(root, c.file), content: c.content })),
	);
	const ms = Math.round(performance.now() - started);
	const fresh = run.records.filter((r) => !r.duplicateOf).length;
	out(
		`✓ watch run ${run.id}${fixtures ? ' (recorded responses)' : ''}: ${run.protocols.length} pages searched, ` +
			`${run.records.length} records found, ${fresh} new to screen, ${run.records.length - fresh} already known, ` +
			`${run.retractions.length} retraction or update notice(s), ${Object.values(run.requests).reduce((a, b) => a + b, 0)} requests, ${ms} ms.`,
	);
	out(`  report:     ${files.report}`);
	out(`  candidates: ${files.csv}`);
	out(`  run record: ${files.record}`);
	for (const c of changes)
		out(`  retraction recorded in ${c.file}: npm run check now names every page citing it`);
	return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	process.exitCode = await main({ argv: process.argv.slice(2), env: process.env });
}
