/**
 * `npm run bench [-- section …]`: prints the project's speed and size figures, each beside its goal.
 * Figures, never assertions; exits 1 only when something is broken (a failed build or check).
 *
 *   check      the evidence check of a realistic project (~1,000 entries with facts files, ~190
 *              pages, made from the real ones: scripts/bench/realistic-project.ts), as a command
 *   citations  `astro build` CPU time of 200 cited pages with and without their citation markers,
 *              against the same site without those pages; the study pages are left out of all three
 *              the "with" build also counts how often each entry is formatted and how many
 *              previews each page repeats per reference
 *   weight     a condition page against a stock Starlight page of the same text (gzip, everything
 *              each page loads: scripts/page-weight.ts)
 *   dom        elements per built page, the longest pages, and where a page's elements are (groups:
 *              scripts/bench/dom-groups.ts); static, a few seconds
 *   lighthouse Lighthouse mobile (performance) on one page of each type, served gzip-compressed,
 *              against stock Starlight pages of the same text: `--lighthouse-runs=N` alternating
 *              runs each (default 5; ours, stock, ours, …), medians. ~10 s a run on 2 cores, ~12 min
 *              in all: `--lighthouse-pages=condition,topic` runs only those page types
 *   test       `npm test` stage by stage (lint beside check, build, each vitest project)
 *
 * `weight`, `dom` and `lighthouse` read the built site: run `npm run build` first.
 * No section: all of them; `npm run bench -- lighthouse` runs Lighthouse alone. `KPE_BENCH_RUNS`
 * (default 3) sets the runs per figure. Temp folders go to /tmp/kpe-bench-* and are removed.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { realisticProject } from './bench/realistic-project.ts';
import { timeDevEdits } from './bench/dev-edit.ts';
import { buildSite, citationPages, stockStarlightSite } from './bench/sites.ts';
import { load, median, secs, timed, type Timed } from './bench/measure.ts';
import { builtPagePaths, pageLoads, kb } from './page-weight.ts';
import { GROUPS, pageGroups } from './bench/dom-groups.ts';
import { startChromium, type Audit } from './bench/lighthouse.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { parse } from 'node-html-parser';

const SITE = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const RUNS = Number(process.env.KPE_BENCH_RUNS ?? 3);
/** Sections to run, and the Lighthouse section's options. */
const args = parseArgs({
	allowPositionals: true,
	options: { 'lighthouse-runs': { type: 'string' }, 'lighthouse-pages': { type: 'string' } },
});
const temps: string[] = [];
const results: [figure: string, measured: string, goal: string, met: boolean | undefined][] = [];

function report(figure: string, measured: string, goal: string, met?: boolean): void {
	results.push([figure, measured, goal, met]);
	console.log(
		`  ${figure}: ${measured} (goal ${goal})${met === undefined ? '' : met ? ' ✓' : ' ✗'}`,
	);
}

function table(rows: string[][]): string {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
	return rows
		.map((r) =>
			r
				.map((cell, c) => cell.padEnd(widths[c]!))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

function mustPass(run: Timed, what: string): Timed {
	if (run.status !== 0)
		throw new Error(
			`${what} failed (exit ${run.status}):\n${run.output.split('\n').slice(-30).join('\n')}`,
		);
	return run;
}

/** Medians of wall and CPU over runs. */
function summary(runs: Timed[]): { wall: number; cpu?: number; runs: Timed[] } {
	const cpus = runs.map((r) => r.cpuMs).filter((v): v is number => v !== undefined);
	return {
		wall: median(runs.map((r) => r.wallMs)),
		cpu: cpus.length ? median(cpus) : undefined,
		runs,
	};
}

/** Runs `times` times; medians of wall and CPU. */
function repeat(times: number, run: () => Timed): ReturnType<typeof summary> {
	return summary(Array.from({ length: times }, run));
}

function benchCheck(): void {
	const project = realisticProject(SITE);
	temps.push(project.root);
	console.log(
		`\ncheck: ${project.entries} entries, ${project.facts} facts files, ${project.pages} pages (${project.root})`,
	);
	const script = join(SITE, 'scripts/check-evidence.ts');
	// As `npm run check` runs it: Node's compile cache on.
	const compileCache = join(project.root, 'node-compile-cache');
	const command = (...flags: string[]) =>
		mustPass(
			timed(NODE, [script, '--root', project.root, ...flags], {
				cwd: SITE,
				env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
			}),
			'the evidence check',
		);
	// Cold: no compiled code cached; warm: the same check run again.
	const cold = repeat(RUNS, () => {
		rmSync(compileCache, { recursive: true, force: true });
		return command();
	});
	command();
	const warm = repeat(RUNS, () => command());
	console.log(`  ${cold.runs[0]!.output.trim().split('\n').pop()}`);
	const line = (label: string, r: typeof cold) =>
		`${secs(r.wall)} wall, ${secs(r.cpu)} CPU (${label}, median of ${RUNS})`;
	report(
		'evidence check, ~1,000 entries, as a command',
		line('cold: no compile cache', cold),
		'≤ 2 s',
		cold.wall <= 2000,
	);
	report('same, run again (compile cache warm)', line('warm', warm), '≤ 2 s', warm.wall <= 2000);
	// The editor's check after each edit (`npm run check`) on the real library: one file just edited.
	const realCache = join(tmpdir(), `kpe-bench-real-${process.pid}`);
	const real = () =>
		mustPass(
			timed(NODE, [script], {
				cwd: SITE,
				env: { ...process.env, NODE_COMPILE_CACHE: realCache },
			}),
			'the evidence check on the real library',
		);
	real();
	const editor = repeat(RUNS, real);
	rmSync(realCache, { recursive: true, force: true });
	report(
		"editor's check (`npm run check`), real library, as a command",
		line('warm', editor),
		'≤ 2 s',
		editor.wall <= 2000,
	);
}

/** Previews per reference on each page: previews shown / distinct references cited there. */
function previewsPerReference(
	dist: string,
	paths: string[],
): { worst: string; mean: number; max: number } {
	let max = 0;
	let worst = '';
	const ratios: number[] = [];
	for (const path of paths) {
		const root = parse(readFileSync(join(dist, path, 'index.html'), 'utf8'));
		const previews = root.querySelectorAll('main .kpe-cite-preview').length;
		const refs = new Set(
			root.querySelectorAll('main a.kpe-cite-link').map((a) => a.getAttribute('href')),
		).size;
		if (refs === 0) continue;
		const ratio = previews / refs;
		ratios.push(ratio);
		if (ratio > max) [max, worst] = [ratio, `${path}: ${previews} previews for ${refs} references`];
	}
	return { worst, max, mean: ratios.reduce((s, r) => s + r, 0) / ratios.length };
}

function benchCitations(): void {
	const project = realisticProject(SITE, { pageCopies: 1 });
	temps.push(project.root);
	const pages = citationPages(project.root, 200);
	console.log(
		`\ncitations: ${pages.count} synthetic pages (${pages.markers} citation markers) added to the real pages, ` +
			`${project.entries}-entry library; ${RUNS} cold builds per variant, taking turns; CPU medians`,
	);
	// The study pages (one per entry, ~1,000, with their index and views) are left out of every
	// variant: the figure is about the cited pages, and a thousand other pages only add noise.
	const site = buildSite(SITE, project.root, 'citations', { studyPages: false });
	temps.push(site.root);
	const counts = join(site.root, 'format-counts.json');
	const build = (name: 'base' | 'without' | 'with') => {
		pages.write(site.root, name);
		return mustPass(
			site.build({ KPE_FORMAT_COUNT_FILE: counts }),
			`astro build (${name} citations)`,
		);
	};
	// The variants take turns (base, without, with, base, …) so that a slow spell of the machine
	// falls on all three alike instead of on one variant's runs. "with" runs last, for the counts.
	const runs = { base: [] as Timed[], without: [] as Timed[], with: [] as Timed[] };
	for (let i = 0; i < RUNS; i++)
		for (const name of ['base', 'without', 'with'] as const) runs[name].push(build(name));
	const base = summary(runs.base);
	const without = summary(runs.without);
	const withCites = summary(runs.with);
	console.log(
		table([
			['build', 'CPU (median)', 'wall (median)', 'CPU of each run'],
			...(
				[
					['real pages only', base],
					[`+ ${pages.count} pages, markers removed`, without],
					[`+ ${pages.count} pages, cited`, withCites],
				] as const
			).map(([label, r]) => [
				`  ${label}`,
				secs(r.cpu),
				secs(r.wall),
				r.runs.map((run) => secs(run.cpuMs)).join(', '),
			]),
		]),
	);
	if (base.cpu !== undefined && without.cpu !== undefined && withCites.cpu !== undefined) {
		const pagesCost = without.cpu - base.cpu;
		const citationsCost = withCites.cpu - without.cpu;
		const overhead = citationsCost / pagesCost;
		// The builds' noise can exceed the 200 pages' own cost, or make citations look free (a
		// negative cost): neither is a measurement, so say so instead of passing or failing.
		const measured = pagesCost > 0 && citationsCost >= 0;
		report(
			'citation overhead on the cited pages (CPU)',
			measured
				? `${(overhead * 100).toFixed(1)} % (${secs(citationsCost)} on ${secs(pagesCost)})`
				: `inconclusive: citations ${secs(citationsCost)}, the pages ${secs(pagesCost)} (noise); rerun idle or with more KPE_BENCH_RUNS`,
			'≤ 15 %',
			measured ? overhead <= 0.15 : undefined,
		);
	}
	// The last build was a "with" build: its format counts and its pages.
	const { calls, counts: byKey } = JSON.parse(readFileSync(counts, 'utf8')) as {
		calls: number;
		counts: Record<string, number>;
	};
	const values = Object.values(byKey);
	const twice = values.filter((n) => n > 1).length;
	report(
		'library entries formatted more than once in a build',
		`${twice} of ${values.length} formatted (${calls} citation-js calls, at most ${Math.max(...values)}× one entry)`,
		'0 (each once)',
		twice === 0,
	);
	const real = ['crps', 'fibromyalgia', 'migraine', 'neuropathic-pain', 'phantom-limb-pain'].map(
		(c) => `/conditions/${c}/`,
	);
	const previews = previewsPerReference(join(site.root, 'dist'), real);
	report(
		'previews per reference per page (condition pages)',
		`${previews.max.toFixed(2)} at most (${previews.worst}); mean ${previews.mean.toFixed(2)}`,
		'1',
		previews.max <= 1,
	);
}

/** One page of each type: the longest condition page first (the page weight is measured on it). */
const PAGE_TYPES: [type: string, path: string][] = [
	['condition', '/conditions/crps/'],
	['topic', '/topics/safety/'],
	['claims', '/claims/'],
	['study', '/studies/sigtermans2009ketamine/'],
	['evidence map', '/evidence-map/'],
	['home', '/'],
	['studies index', '/studies/'],
];
/** Lighthouse's old `dom-size` audit failed a page above this many elements (its median mark). */
const DOM_GOAL = 1400;

function builtDist(): string {
	const dist = join(SITE, 'dist');
	if (!existsSync(join(dist, 'index.html')))
		throw new Error('No built site in dist/: run `npm run build` first.');
	return dist;
}

/** A stock Starlight site holding the text of each page type, built once for `weight` and `lighthouse`. */
let stockSite: ReturnType<typeof stockStarlightSite> | undefined;
function stock(dist: string): ReturnType<typeof stockStarlightSite> {
	if (!stockSite) {
		stockSite = stockStarlightSite(
			SITE,
			dist,
			PAGE_TYPES.map(([, path]) => path),
		);
		temps.push(stockSite.root);
		mustPass(stockSite.build(), 'the stock Starlight build');
	}
	return stockSite;
}

function benchWeight(): void {
	const dist = builtDist();
	console.log('\nweight: /conditions/crps/ against a stock Starlight page of the same text');
	const site = stock(dist);
	const total = (d: string, p: string) => pageLoads(d, p).reduce((s, l) => s + l.gzip, 0);
	const ours = total(dist, '/conditions/crps/');
	const theirs = total(site.dist, site.pathOf('/conditions/crps/'));
	report(
		'condition page / stock Starlight page (gzip, all it loads)',
		`${(ours / theirs).toFixed(2)}× (${kb(ours)} vs ${kb(theirs)})`,
		// The architecture goal: no heavier than when it was set (1.36×, measured then this way).
		'≤ 1.36×',
		ours / theirs <= 1.36,
	);
}

function benchDom(): void {
	const dist = builtDist();
	const pages = builtPagePaths(dist).map((path) => ({ path, ...pageGroups(dist, path) }));
	pages.sort((a, b) => b.total - a.total);
	const over = pages.filter((p) => p.total > DOM_GOAL);
	console.log(
		`\ndom: elements per built page (${pages.length} pages; ${over.length} above ${DOM_GOAL.toLocaleString('en')})`,
	);
	const shown = [
		...new Set([...PAGE_TYPES.map(([, path]) => path), ...pages.slice(0, 3).map((p) => p.path)]),
	].map((path) => pages.find((p) => p.path === path)!);
	console.log(
		table([
			['  group', ...shown.map((p) => p.path)],
			...[...GROUPS.map(([name]) => name), 'rest'].map((name) => [
				`  ${name}`,
				...shown.map((p) => String(p.groups.get(name))),
			]),
			['  all elements', ...shown.map((p) => String(p.total))],
		]),
	);
	for (const [type, path] of PAGE_TYPES) {
		const page = pages.find((p) => p.path === path)!;
		report(
			`elements, ${type} page (${path})`,
			String(page.total),
			`≤ ${DOM_GOAL}`,
			page.total <= DOM_GOAL,
		);
	}
	report(
		'elements, longest built page',
		`${pages[0]!.total} (${pages[0]!.path}); above the goal: ${over.map((p) => `${p.path} ${p.total}`).join(', ') || 'none'}`,
		`≤ ${DOM_GOAL}`,
		pages[0]!.total <= DOM_GOAL,
	);
}

/** Lighthouse mobile, ours against stock, runs alternating so that a busy spell falls on both. */
async function benchLighthouse(): Promise<void> {
	const dist = builtDist();
	const runs = Number(args.values['lighthouse-runs'] ?? 5);
	const wanted = args.values['lighthouse-pages']?.split(',').map((t) => t.trim());
	const types = PAGE_TYPES.filter(([type]) => !wanted || wanted.includes(type));
	if (types.length === 0)
		throw new Error(
			`--lighthouse-pages names no page type: choose from ${PAGE_TYPES.map(([t]) => t).join(', ')}.`,
		);
	const site = stock(dist);
	console.log(
		`\nlighthouse: mobile, performance; ${runs} alternating runs per page (ours, stock, …), gzip-served; medians`,
	);
	const [ours, theirs] = await Promise.all([
		serveStatic(dist, { gzip: true }),
		serveStatic(site.dist, { gzip: true }),
	]);
	const chromium = await startChromium();
	const rows = [
		['  page type', 'performance', 'TBT (ms)', 'elements', 'DOM-size insight', 'runs (ours)'],
	];
	try {
		for (const [type, path] of types) {
			const mine: Audit[] = [];
			const stockRuns: Audit[] = [];
			for (let i = 0; i < runs; i++) {
				mine.push(await chromium.audit(ours.url + path));
				stockRuns.push(await chromium.audit(theirs.url + site.pathOf(path)));
			}
			const med = (list: Audit[], pick: (a: Audit) => number) => median(list.map(pick));
			const score = med(mine, (a) => a.performance);
			const flagged = mine.filter((a) => a.domSizeFlagged).length;
			rows.push([
				`  ${type} ${path}`,
				`${score} (stock ${med(stockRuns, (a) => a.performance)})`,
				`${Math.round(med(mine, (a) => a.tbt))} (stock ${Math.round(med(stockRuns, (a) => a.tbt))})`,
				`${med(mine, (a) => a.elements)} (stock ${med(stockRuns, (a) => a.elements)})`,
				`flagged in ${flagged} of ${runs}`,
				mine.map((a) => a.performance).join(', '),
			]);
			console.log(rows.at(-1)!.join('  '));
			report(
				`Lighthouse mobile performance, ${type} page`,
				`${score} (stock ${med(stockRuns, (a) => a.performance)}), TBT ${Math.round(med(mine, (a) => a.tbt))} ms, ${med(mine, (a) => a.elements)} elements`,
				'≥ 99',
				score >= 99,
			);
		}
	} finally {
		chromium.close();
		await Promise.all([ours.close(), theirs.close()]);
	}
	console.log(table(rows));
}

function benchTest(): void {
	console.log('\ntest: `npm test` stage by stage (wall and CPU, children included)');
	const npx = (args: string[]) => timed('npx', args, { cwd: SITE, env: process.env });
	const npm = (script: string) => timed('npm', ['run', script], { cwd: SITE, env: process.env });
	const stages: [string, () => Timed][] = [
		// As `npm test` runs them: lint beside the check, then the build.
		['lint and check, side by side', () => npx(['run-p', '--aggregate-output', 'lint', 'check'])],
		['build', () => npm('build')],
		...(['unit', 'site', 'browser'] as const).map(
			(p) => [`vitest ${p}`, () => npx(['vitest', 'run', '--project', p])] as [string, () => Timed],
		),
		['vitest (all projects, as npm test runs them)', () => npx(['vitest', 'run'])],
	];
	const rows = [['stage', 'wall', 'CPU', 'result']];
	let sum = 0;
	for (const [name, run] of stages) {
		const r = run();
		if (!name.startsWith('vitest ') || name.startsWith('vitest (')) sum += r.wallMs;
		rows.push([
			`  ${name}`,
			secs(r.wallMs),
			secs(r.cpuMs),
			r.status === 0 ? 'passed' : `FAILED (${r.status})`,
		]);
	}
	console.log(table(rows));
	report(
		'npm test (lint + check + build + vitest), wall',
		secs(sum),
		'< 180 s on an idle 2-core machine',
		sum < 180_000,
	);
}

/** The dev server: edit → page for a facts file and a page (a copy of the project; ~1 min). */
async function benchDev(): Promise<void> {
	console.log(
		'\ndev: `astro dev` on a copy of the project, a facts file and a page edited in turn',
	);
	const times = await timeDevEdits(SITE, RUNS);
	const range = (ms: number[]) =>
		`median ${secs(median(ms))} (${ms.map((m) => secs(m)).join(', ')})`;
	console.log(`  first study page after start: ${secs(times.startupMs)}`);
	report(
		'dev server: facts file saved → study page shows it',
		range(times.facts),
		'< 5 s',
		median(times.facts) < 5000,
	);
	report(
		'dev server: page saved → page shows it',
		range(times.page),
		'< 5 s',
		median(times.page) < 5000,
	);
	report(
		'dev server: requests refused or failed meanwhile',
		String(times.failed),
		'0',
		times.failed === 0,
	);
}

const SECTIONS: Record<string, () => void | Promise<void>> = {
	check: benchCheck,
	dev: benchDev,
	citations: benchCitations,
	weight: benchWeight,
	dom: benchDom,
	lighthouse: benchLighthouse,
	test: benchTest,
};

const chosen = args.positionals;
const unknown = chosen.filter((s) => !(s in SECTIONS));
if (unknown.length) {
	console.error(
		`Unknown section ${unknown.join(', ')}: choose from ${Object.keys(SECTIONS).join(', ')}.`,
	);
	process.exit(2);
}
console.log(`Benchmark — Node ${process.version}, ${cpus().length} cores, load average ${load()}`);
try {
	for (const name of chosen.length ? chosen : Object.keys(SECTIONS)) await SECTIONS[name]!();
	console.log(`\nFigures against their goals (load average now ${load()}):\n`);
	console.log(
		table([
			['figure', 'measured', 'goal', ''],
			...results.map(([f, m, g, ok]) => [f, m, g, ok === undefined ? '' : ok ? 'met' : 'NOT MET']),
		]),
	);
} catch (error) {
	console.error(`\n✗ ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	for (const dir of temps) rmSync(dir, { recursive: true, force: true });
}
