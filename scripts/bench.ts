/**
 * Benchmark of the evidence engine: prints figures, never asserts timings.
 *
 *   1. `checkProject()` on synthetic libraries of 1,000 and 10,000 valid @article entries
 *      (3 runs each: median and min), and how the time grows with the library.
 *   2. `astro build` of a temporary copy of the site with 200 synthetic MDX pages citing a
 *      1,000-entry library, once with the citation markers and once with them removed
 *      (same text otherwise): wall-clock time, peak RSS, pages built.
 *
 * Targets (PASS/MISS, informative only): checking 1,000 entries < 1 s; citations add ≤ 15 % to
 * build time; check time grows roughly linearly with library size.
 * Exits 1 only when something is broken (diagnostics, wrong entry count, failed build).
 *
 * Run with Node 24: `npx node scripts/bench.ts`. Temporary folders go under /tmp/kpe-bench-*.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProject } from '../src/lib/evidence/check-project.ts';
import { formatDiagnostic } from '../src/lib/evidence/diagnostics.ts';
import { findClusters } from '../src/lib/evidence/citations.ts';
import { formatReferences } from '../src/lib/evidence/format.ts';

const SITE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO_CLI = join(SITE, 'node_modules/astro/bin/astro.mjs');
const CHECK_SIZES = [1_000, 10_000];
const CHECK_RUNS = 3;
const BUILD_LIBRARY = 1_000;
const BUILD_PAGES = 200;
/** Builds per variant, alternating without/with citations; each build is cold (caches cleared). */
const BUILD_RUNS = Number(process.env.KPE_BENCH_BUILD_RUNS ?? 3);
/** Cache folders in node_modules that the copy must not share with /work/main. */
const CACHE_DIRS = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);
const PARAGRAPHS = 10;
const TARGET_CHECK_1K_MS = 1_000;
const TARGET_CITATION_OVERHEAD = 0.15;
/** A 10× larger library may cost up to ~12.5× the time and still count as linear growth. */
const LINEAR_RATIO_LIMIT = 12.5;

const temps: string[] = [];
class BenchError extends Error {}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Deterministic PRNG (mulberry32), so every run generates the same library and pages. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const pick = <T>(random: () => number, list: readonly T[]): T =>
	list[Math.floor(random() * list.length)]!;

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const ms = (v: number) => `${v.toFixed(v < 100 ? 1 : 0)} ms`;
const secs = (v: number) => `${(v / 1000).toFixed(2)} s`;
const mib = (kb: number | undefined) =>
	kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MiB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function table(rows: string[][]): string {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
	const line = (r: string[]) =>
		r
			.map((cell, c) => cell.padEnd(widths[c]!))
			.join('  ')
			.trimEnd();
	return [
		line(rows[0]!),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...rows.slice(1).map(line),
	].join('\n');
}

function makeTemp(label: string): string {
	const dir = mkdtempSync(join(tmpdir(), `kpe-bench-${label}-`));
	temps.push(dir);
	return dir;
}

// ---------------------------------------------------------------------------------------------
// Synthetic data
// ---------------------------------------------------------------------------------------------

const FAMILY = [
	'Smith',
	'Nguyen',
	'García',
	'Müller',
	'Okafor',
	'Tanaka',
	'Kowalski',
	'Rossi',
	'Johansson',
	'Dubois',
	'Patel',
	'Kim',
	'Silva',
	'Novak',
	'Haddad',
	'Ivanova',
	'Byrne',
	'Larsen',
	'Moreau',
	'Chen',
];
const GIVEN = [
	'A.',
	'B. C.',
	'D.',
	'E. F.',
	'G.',
	'H.',
	'J. K.',
	'L.',
	'M. N.',
	'P.',
	'R.',
	'S. T.',
];
const TITLE_WORDS = [
	'ketamine',
	'infusion',
	'chronic',
	'pain',
	'randomized',
	'controlled',
	'trial',
	'low-dose',
	'oral',
	'intranasal',
	'neuropathic',
	'fibromyalgia',
	'migraine',
	'placebo',
	'double-blind',
	'cohort',
	'outcomes',
	'analgesia',
	'NMDA',
	'antagonist',
	'patients',
	'follow-up',
	'safety',
	'efficacy',
	'systematic',
	'review',
];
const JOURNALS = [
	'Pain',
	'Anesthesia \\& Analgesia',
	'European Journal of Pain',
	'Pain Medicine',
	'Journal of Pain Research',
	'British Journal of Anaesthesia',
	'Neurology',
	'Clinical Journal of Pain',
	'Regional Anesthesia and Pain Medicine',
];

export function bibKey(i: number): string {
	return `bench${String(i).padStart(5, '0')}`;
}

/** `n` valid, unique @article entries. */
export function syntheticLibrary(n: number): string {
	const random = rng(n);
	const out: string[] = ['% Synthetic library generated by scripts/bench.ts. Not real studies.\n'];
	for (let i = 1; i <= n; i++) {
		const authors = Array.from(
			{ length: 1 + Math.floor(random() * 4) },
			() => `${pick(random, FAMILY)}, ${pick(random, GIVEN)}`,
		);
		const words = Array.from({ length: 6 + Math.floor(random() * 8) }, () =>
			pick(random, TITLE_WORDS),
		);
		words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
		const first = 1 + Math.floor(random() * 900);
		out.push(
			`@article{${bibKey(i)},
  author    = {${authors.join(' and ')}},
  title     = {${words.join(' ')} (study ${i})},
  journal   = {${pick(random, JOURNALS)}},
  year      = {${1990 + Math.floor(random() * 35)}},
  volume    = {${1 + Math.floor(random() * 160)}},
  number    = {${1 + Math.floor(random() * 12)}},
  pages     = {${first}--${first + 3 + Math.floor(random() * 12)}},
  doi       = {10.5555/bench.${i}},
  pmid      = {${30_000_000 + i}}
}
`,
		);
	}
	return out.join('\n');
}

const SENTENCES = [
	'Ketamine blocks NMDA receptors, which take part in the way the spinal cord amplifies pain signals',
	'In this trial, people with long-lasting pain received low doses by slow infusion over several days',
	'Pain scores fell during the infusion in most participants, but the effect faded within a few weeks',
	'Side effects such as dizziness, feeling detached and nausea were common and usually mild',
	'The placebo group also reported some relief, which is typical for studies of chronic pain',
	'Small numbers of participants make the estimate of the effect uncertain',
	'The authors measured pain on a scale from 0 to 10 and asked about sleep and mood',
	'Follow-up was short, so we do not know whether any benefit lasts beyond a month',
	'Doses varied between studies, which makes them hard to compare directly',
	'Several participants stopped early because of side effects or a lack of benefit',
	'Blinding is difficult because ketamine causes effects that people can feel',
	'Larger trials with longer follow-up are needed before firm conclusions can be drawn',
];

/** One page: ~10 paragraphs, one citation cluster per paragraph (singles and pairs mixed). */
export function syntheticPage(
	index: number,
	librarySize: number,
): { withCitations: string; clusters: number; keys: number } {
	const random = rng(1_000 + index);
	const lines = [
		'---',
		`title: Benchmark page ${index}`,
		`description: Synthetic page ${index} generated by scripts/bench.ts to time the build.`,
		'---',
		'',
	];
	let keys = 0;
	for (let p = 0; p < PARAGRAPHS; p++) {
		if (p % 4 === 0) lines.push(`## Section ${p / 4 + 1}`, '');
		const sentences = Array.from({ length: 4 + Math.floor(random() * 3) }, () =>
			pick(random, SENTENCES),
		);
		// Pairs on every third paragraph, single keys otherwise.
		const cluster =
			p % 3 === 1
				? [
						bibKey(1 + Math.floor(random() * librarySize)),
						bibKey(1 + Math.floor(random() * librarySize)),
					]
				: [bibKey(1 + Math.floor(random() * librarySize))];
		keys += cluster.length;
		const marker = `[${cluster.map((k) => `@${k}`).join('; ')}]`;
		const at = Math.floor(random() * sentences.length);
		const text = sentences.map((s, i) => (i === at ? `${s} ${marker}.` : `${s}.`)).join(' ');
		lines.push(text, '');
	}
	return { withCitations: lines.join('\n'), clusters: PARAGRAPHS, keys };
}

/** The same page text with every citation marker (and the space before it) removed. */
export function stripCitations(source: string): string {
	return source.replace(/ ?\[@[^\]]*\]/g, '');
}

function writeProjectLibrary(root: string, n: number, withFacts = false): void {
	mkdirSync(join(root, 'references'), { recursive: true });
	mkdirSync(join(root, 'content'), { recursive: true });
	writeFileSync(join(root, 'references/library.bib'), syntheticLibrary(n));
	// A cited study needs a facts file (check `cited-without-facts`): the build's pages cite these.
	if (withFacts) {
		mkdirSync(join(root, 'references/facts'), { recursive: true });
		for (let i = 1; i <= n; i++) {
			const key = bibKey(i);
			writeFileSync(
				join(root, 'references/facts', `${key}.yaml`),
				`key: ${key}\nverified: false\ndesign: rct\nn: 20\n`,
			);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// 1. checkProject on 1k and 10k entries
// ---------------------------------------------------------------------------------------------

interface CheckFigure {
	n: number;
	runs: number[];
	median: number;
	min: number;
}

function benchCheck(): CheckFigure[] {
	// Warm-up on a tiny library (not reported): JIT and citation-js' lazy set-up.
	const warm = makeTemp('warm');
	writeProjectLibrary(warm, 20);
	checkProject({ root: warm });

	const figures: CheckFigure[] = [];
	for (const n of CHECK_SIZES) {
		const root = makeTemp(`lib${n}`);
		writeProjectLibrary(root, n);
		const runs: number[] = [];
		for (let r = 0; r < CHECK_RUNS; r++) {
			const started = performance.now();
			const evidence = checkProject({ root });
			runs.push(performance.now() - started);
			if (evidence.diagnostics.length > 0 || evidence.counts.parsedEntries !== n) {
				const shown = evidence.diagnostics.slice(0, 5).map(formatDiagnostic).join('\n\n');
				throw new BenchError(
					`checkProject on ${n} synthetic entries: ${evidence.diagnostics.length} diagnostics, ` +
						`${evidence.counts.parsedEntries} of ${n} entries parsed (expected 0 and ${n}).\n${shown}`,
				);
			}
		}
		figures.push({ n, runs, median: median(runs), min: Math.min(...runs) });
	}
	return figures;
}

// ---------------------------------------------------------------------------------------------
// 2. astro build with and without citations
// ---------------------------------------------------------------------------------------------

/** Slugs the Starlight sidebar names (`'conditions/x'` items and `slug: '…'`), so stubs can exist. */
export function sidebarSlugs(config: string): string[] {
	const start = config.indexOf('sidebar:');
	if (start < 0) return [];
	// The sidebar array: from its `[` to the matching `]`.
	const open = config.indexOf('[', start);
	let depth = 0;
	let end = open;
	for (let i = open; i < config.length; i++) {
		if (config[i] === '[') depth++;
		else if (config[i] === ']' && --depth === 0) {
			end = i;
			break;
		}
	}
	const block = config.slice(open, end + 1);
	const slugs = new Set<string>();
	for (const m of block.matchAll(/(\b[A-Za-z]+\s*:\s*)?(['"])([^'"]*)\2/g)) {
		const prop = m[1]?.replace(/\s*:\s*$/, '');
		if (prop && prop !== 'slug') continue; // labels, links, directories, badges…
		if (/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/.test(m[3]!)) slugs.add(m[3]!);
	}
	return [...slugs];
}

/**
 * A copy of the site's code (not its pages or library). node_modules is a tree of hard links to the
 * site's packages: a symlinked node_modules resolves to files outside the project root, which Astro 7's
 * build rejects ("No cached compile metadata found for …Page.astro?astro&type=style…"), and it would let
 * Astro and Vite write their caches (node_modules/.astro, node_modules/.vite) into /work/main.
 */
function copySite(): string {
	const root = makeTemp('site');
	for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public']) {
		if (existsSync(join(SITE, name)))
			cpSync(join(SITE, name), join(root, name), { recursive: true });
	}
	const source = join(SITE, 'node_modules');
	const target = join(root, 'node_modules');
	mkdirSync(target);
	const packages = readdirSync(source).filter((name) => !CACHE_DIRS.has(name));
	const linked = spawnSync('cp', ['-al', ...packages, target], { cwd: source, stdio: 'pipe' });
	if (linked.status !== 0) {
		// Another file system (no hard links): a real copy, slower but equivalent.
		for (const name of packages)
			cpSync(join(source, name), join(target, name), { recursive: true, verbatimSymlinks: true });
	}
	writeProjectLibrary(root, BUILD_LIBRARY, true);
	return root;
}

interface PageSet {
	/** Relative path → source. */
	pages: Map<string, string>;
	clusters: number;
	keys: number;
}

function sitePages(config: string): PageSet {
	const pages = new Map<string, string>();
	const stub = (title: string) =>
		`---\ntitle: ${title}\ndescription: Stub page generated by scripts/bench.ts.\n---\n\nA stub page so the sidebar link resolves.\n`;
	pages.set('index.mdx', stub('Benchmark home'));
	for (const slug of sidebarSlugs(config)) {
		if (slug === 'index') continue;
		pages.set(`${slug}.mdx`, stub(`Stub ${slug}`));
	}
	let clusters = 0;
	let keys = 0;
	for (let i = 1; i <= BUILD_PAGES; i++) {
		const page = syntheticPage(i, BUILD_LIBRARY);
		pages.set(`bench/page-${String(i).padStart(3, '0')}.mdx`, page.withCitations);
		clusters += page.clusters;
		keys += page.keys;
	}
	return { pages, clusters, keys };
}

function writePages(
	root: string,
	pages: Map<string, string>,
	transform: (s: string) => string,
): void {
	rmSync(join(root, 'content'), { recursive: true, force: true });
	for (const [path, source] of pages) {
		const file = join(root, 'content', path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, transform(source));
	}
}

/** Phases read from Astro's own log, in seconds. */
interface Phases {
	/** Start of Astro's logging → types generated (content sync included). */
	sync?: number;
	/** Vite/Rolldown bundling ("[vite] ✓ built in"), summed over its passes: MDX is compiled here. */
	bundle?: number;
	/** Rendering every page to HTML ("generating static routes … ✓ Completed in"). */
	render?: number;
	/** Pagefind search index. */
	pagefind?: number;
	/** "N page(s) built in …": Astro's own total, after config loading. */
	astroTotal?: number;
}

interface BuildRun {
	wallMs: number;
	/** User + system CPU time of the build and its children (GNU time only): less sensitive to other load. */
	cpuMs?: number;
	peakRssKb?: number;
	pagesBuilt: number;
	citedPages: number;
	phases: Phases;
}

const TIME_BIN = '/usr/bin/time';
const RSS_SOURCE = existsSync(TIME_BIN)
	? 'GNU time -v: max RSS of the build process (or of its largest child)'
	: '/proc VmHWM polled every 100 ms, summed over the build process tree';

/** Highest VmHWM sum over the child and its descendants, polled from /proc (fallback without GNU time). */
function pollTreeHwm(rootPid: number, onSample: (kb: number) => void): () => void {
	const timer = setInterval(() => {
		const pids = [rootPid];
		let sum = 0;
		for (let i = 0; i < pids.length; i++) {
			try {
				sum += Number(
					/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pids[i]}/status`, 'utf8'))?.[1] ?? 0,
				);
				const children = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim();
				if (children) pids.push(...children.split(/\s+/).map(Number));
			} catch {
				/* the process ended between two reads */
			}
		}
		onSample(sum);
	}, 100);
	return () => clearInterval(timer);
}

function countFiles(dir: string, test: (name: string, path: string) => boolean): number {
	if (!existsSync(dir)) return 0;
	let n = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) n += countFiles(path, test);
		else if (test(entry.name, path)) n++;
	}
	return n;
}

/** Seconds from "2.21s" or "596ms". */
function seconds(value: string, unit: string): number {
	return unit === 'ms' ? Number(value) / 1000 : Number(value);
}

export function parsePhases(log: string): Phases {
	const phases: Phases = {};
	const lines = log.split('\n');
	for (const line of lines) {
		let m: RegExpExecArray | null;
		if ((m = /\[types\] Generated ([\d.]+)(m?s)/.exec(line))) phases.sync = seconds(m[1]!, m[2]!);
		else if ((m = /\[vite\] ✓ built in ([\d.]+)(m?s)/.exec(line)))
			phases.bundle = (phases.bundle ?? 0) + seconds(m[1]!, m[2]!);
		else if ((m = /^\S+ ✓ Completed in ([\d.]+)(m?s)/.exec(line)))
			phases.render = seconds(m[1]!, m[2]!);
		else if ((m = /Finished building search index in ([\d.]+)(m?s)/.exec(line)))
			phases.pagefind = seconds(m[1]!, m[2]!);
		else if ((m = /page\(s\) built in ([\d.]+)(m?s)/.exec(line)))
			phases.astroTotal = seconds(m[1]!, m[2]!);
	}
	return phases;
}

async function astroBuild(root: string, label: string, run: number): Promise<BuildRun> {
	// Cold start for each build: no cached content layer, Vite deps or previous output.
	for (const dir of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
		rmSync(join(root, dir), { recursive: true, force: true });
	}
	const useTime = existsSync(TIME_BIN);
	const timeOut = join(root, `time-${label}-${run}.txt`);
	const [command, args] = useTime
		? [TIME_BIN, ['-v', '-o', timeOut, process.execPath, ASTRO_CLI, 'build']]
		: [process.execPath, [ASTRO_CLI, 'build']];
	const started = performance.now();
	const child = spawn(command, args, {
		cwd: root,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout.on('data', (d) => (log += d));
	child.stderr.on('data', (d) => (log += d));
	let polledPeak = 0;
	const stopPolling = useTime
		? () => {}
		: pollTreeHwm(child.pid!, (kb) => (polledPeak = Math.max(polledPeak, kb)));
	const code: number = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
	const wallMs = performance.now() - started;
	stopPolling();
	writeFileSync(join(root, `build-${label}-${run}.log`), log);
	if (code !== 0) {
		throw new BenchError(
			`astro build (${label}, run ${run}) failed with exit code ${code}. Last lines of its output:\n` +
				log.split('\n').slice(-40).join('\n'),
		);
	}
	let peakRssKb: number | undefined;
	let cpuMs: number | undefined;
	if (useTime) {
		const report = readFileSync(timeOut, 'utf8');
		const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
		peakRssKb = m ? Number(m[1]) : undefined;
		const user = /User time \(seconds\):\s*([\d.]+)/.exec(report);
		const system = /System time \(seconds\):\s*([\d.]+)/.exec(report);
		if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
	} else peakRssKb = polledPeak || undefined;

	const dist = join(root, 'dist');
	const pagesBuilt = countFiles(dist, (name) => name.endsWith('.html'));
	const citedPages = countFiles(
		join(dist, 'bench'),
		(name, path) => name === 'index.html' && readFileSync(path, 'utf8').includes('kpe-references'),
	);
	return { wallMs, cpuMs, peakRssKb, pagesBuilt, citedPages, phases: parsePhases(log) };
}

interface BuildFigure {
	label: string;
	runs: BuildRun[];
	median: number;
	min: number;
	cpuMedian?: number;
	peakRssKb?: number;
	pagesBuilt: number;
	citedPages: number;
	phases: Phases;
}

function summarise(label: string, runs: BuildRun[]): BuildFigure {
	const walls = runs.map((r) => r.wallMs);
	const rss = runs.map((r) => r.peakRssKb).filter((v): v is number => v !== undefined);
	const cpu = runs.map((r) => r.cpuMs).filter((v): v is number => v !== undefined);
	const phases: Phases = {};
	for (const name of ['sync', 'bundle', 'render', 'pagefind', 'astroTotal'] as const) {
		const values = runs.map((r) => r.phases[name]).filter((v): v is number => v !== undefined);
		if (values.length) phases[name] = median(values);
	}
	return {
		label,
		runs,
		median: median(walls),
		min: Math.min(...walls),
		cpuMedian: cpu.length ? median(cpu) : undefined,
		peakRssKb: rss.length ? Math.max(...rss) : undefined,
		pagesBuilt: runs[0]!.pagesBuilt,
		citedPages: runs[0]!.citedPages,
		phases,
	};
}

async function benchBuild(): Promise<{
	withCites: BuildFigure;
	without: BuildFigure;
	set: PageSet;
}> {
	const root = copySite();
	const set = sitePages(readFileSync(join(root, 'astro.config.mjs'), 'utf8'));
	const withRuns: BuildRun[] = [];
	const withoutRuns: BuildRun[] = [];
	const buildWithout = async (run: number) => {
		writePages(root, set.pages, stripCitations);
		const result = await astroBuild(root, 'without-citations', run);
		if (result.citedPages !== 0)
			throw new BenchError(
				`The build without citations has ${result.citedPages} pages with a reference list.`,
			);
		return result;
	};
	const buildWith = async (run: number) => {
		writePages(root, set.pages, (s) => s);
		const result = await astroBuild(root, 'with-citations', run);
		if (result.citedPages !== BUILD_PAGES) {
			throw new BenchError(
				`The build with citations has a reference list on ${result.citedPages} of ${BUILD_PAGES} bench pages.`,
			);
		}
		return result;
	};
	// One unreported warm-up build (disk cache, first spawn), then the two variants in turn, the order
	// flipped each round (without/with, with/without, …) so that drift hits both alike.
	const warm = await buildWithout(0);
	process.stdout.write(`  warm-up build (not counted): ${secs(warm.wallMs)}\n`);
	for (let run = 1; run <= BUILD_RUNS; run++) {
		let without: BuildRun;
		let withCites: BuildRun;
		if (run % 2 === 1) {
			without = await buildWithout(run);
			withCites = await buildWith(run);
		} else {
			withCites = await buildWith(run);
			without = await buildWithout(run);
		}
		if (withCites.pagesBuilt !== without.pagesBuilt) {
			throw new BenchError(
				`The builds made ${withCites.pagesBuilt} and ${without.pagesBuilt} HTML files: they should be equal.`,
			);
		}
		withoutRuns.push(without);
		withRuns.push(withCites);
		process.stdout.write(
			`  round ${run}/${BUILD_RUNS}: without ${secs(without.wallMs)}, with ${secs(withCites.wallMs)}\n`,
		);
	}
	return {
		withCites: summarise('with citations', withRuns),
		without: summarise('without citations', withoutRuns),
		set,
	};
}

/**
 * In-process cost of what the citation plugin does per page beyond parsing: formatting each page's
 * reference list with citation-js (CSL, Vancouver). Same pages and library as the build.
 */
function benchFormatting(set: PageSet): { totalMs: number; pages: number; references: number } {
	const root = makeTemp('fmt');
	writeProjectLibrary(root, BUILD_LIBRARY);
	const { library } = checkProject({ root });
	const perPage: string[][] = [];
	for (const [path, source] of set.pages) {
		if (!path.startsWith('bench/')) continue;
		const keys = [...new Set(findClusters(source).flatMap((c) => c.keys))];
		perPage.push(keys);
	}
	formatReferences(perPage[0]!.map((k) => library.entries.get(k)!)); // warm-up
	let references = 0;
	const started = performance.now();
	for (const keys of perPage)
		references += formatReferences(keys.map((k) => library.entries.get(k)!)).length;
	return { totalMs: performance.now() - started, pages: perPage.length, references };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
	const began = performance.now();
	const load = () =>
		loadavg()
			.map((v) => v.toFixed(2))
			.join(' ');
	console.log(
		`Evidence benchmark — Node ${process.version}, ${cpus().length} cores, load average ${load()}\n`,
	);

	console.log(
		`1. checkProject() on synthetic libraries (${CHECK_RUNS} runs each, after a warm-up on 20 entries)\n`,
	);
	const checks = benchCheck();
	console.log(
		table([
			['entries', 'median', 'min', 'per entry (median)', 'runs', 'diagnostics'],
			...checks.map((c) => [
				c.n.toLocaleString('en'),
				ms(c.median),
				ms(c.min),
				`${((c.median * 1000) / c.n).toFixed(1)} µs`,
				c.runs.map((r) => r.toFixed(0)).join(' / ') + ' ms',
				'0',
			]),
		]),
	);
	const [small, large] = [checks[0]!, checks[1]!];
	const growth = large.median / small.median;
	const growthMin = large.min / small.min;
	const sizeRatio = large.n / small.n;
	console.log(
		`\ngrowth time(${large.n.toLocaleString('en')}) / time(${small.n.toLocaleString('en')}) for ${sizeRatio}× the entries: ` +
			`${growth.toFixed(2)}× (median), ${growthMin.toFixed(2)}× (min) — ` +
			(growth <= LINEAR_RATIO_LIMIT ? 'roughly linear' : 'worse than linear'),
	);

	console.log(
		`\n2. astro build: ${BUILD_PAGES} MDX pages × ${PARAGRAPHS} paragraphs, ${BUILD_LIBRARY.toLocaleString('en')}-entry library, ` +
			`no facts; ${BUILD_RUNS} cold builds per variant, alternating, after 1 warm-up build\n`,
	);
	const { withCites, without, set } = await benchBuild();
	const ratio = withCites.median / without.median;
	const overhead = ratio - 1;
	const ratioMin = withCites.min / without.min;
	console.log(
		`\npages in content/: ${set.pages.size} (${BUILD_PAGES} bench pages + index + ${set.pages.size - BUILD_PAGES - 1} sidebar stubs); ` +
			`citations: ${set.clusters} markers, ${set.keys} keys\n`,
	);
	console.log(
		table([
			[
				'build',
				'median wall',
				'min wall',
				'runs (wall)',
				'median CPU',
				'peak RSS (max)',
				'HTML files',
				'bench pages with references',
			],
			...[withCites, without].map((b) => [
				b.label,
				secs(b.median),
				secs(b.min),
				b.runs.map((r) => (r.wallMs / 1000).toFixed(2)).join(' / ') + ' s',
				b.cpuMedian === undefined ? 'n/a' : secs(b.cpuMedian),
				mib(b.peakRssKb),
				String(b.pagesBuilt),
				String(b.citedPages),
			]),
		]),
	);
	const pct = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} %`;
	console.log(
		`\nratio with / without citations: ${ratio.toFixed(3)} (median), ${ratioMin.toFixed(3)} (min); ` +
			`citation overhead: ${pct(overhead)} (median), ${pct(ratioMin - 1)} (min)`,
	);
	if (withCites.cpuMedian !== undefined && without.cpuMedian !== undefined) {
		console.log(
			`CPU time (user+sys, less affected by other load): citation overhead ${pct(withCites.cpuMedian / without.cpuMedian - 1)} (median)`,
		);
	}
	console.log(`peak RSS: ${RSS_SOURCE}`);
	const fmt = benchFormatting(set);
	console.log(
		`in-process, formatting the ${fmt.pages} reference lists (${fmt.references} references, citation-js CSL Vancouver): ` +
			`${secs(fmt.totalMs)} (${ms(fmt.totalMs / fmt.pages)} per page), ` +
			`${((fmt.totalMs / withCites.median) * 100).toFixed(0)} % of the median build with citations`,
	);

	const phaseRow = (name: string, key: keyof Phases) => {
		const a = withCites.phases[key];
		const b = without.phases[key];
		const fmt = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(2)} s`);
		return [
			name,
			fmt(a),
			fmt(b),
			a !== undefined && b !== undefined
				? `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(2)} s`
				: 'n/a',
		];
	};
	const outside = (b: BuildFigure) =>
		b.phases.astroTotal === undefined ? undefined : b.median / 1000 - b.phases.astroTotal;
	const outsideA = outside(withCites);
	const outsideB = outside(without);
	console.log(`\nWhere the build time goes (medians, from Astro's log)\n`);
	console.log(
		table([
			['phase', 'with', 'without', 'difference'],
			phaseRow('start → content synced, types generated', 'sync'),
			phaseRow('Vite bundle (MDX compiled, citation plugin runs)', 'bundle'),
			phaseRow('render static routes to HTML', 'render'),
			phaseRow('Pagefind search index', 'pagefind'),
			phaseRow("Astro's 'page(s) built in' total", 'astroTotal'),
			[
				'wall − Astro total (node start, config load, evidence check)',
				outsideA === undefined ? 'n/a' : `${outsideA.toFixed(2)} s`,
				outsideB === undefined ? 'n/a' : `${outsideB.toFixed(2)} s`,
				outsideA === undefined || outsideB === undefined
					? 'n/a'
					: `${outsideA - outsideB >= 0 ? '+' : ''}${(outsideA - outsideB).toFixed(2)} s`,
			],
		]),
	);

	console.log('\nTargets (figures, not tests)\n');
	console.log(
		table([
			['target', 'measured', 'result'],
			[
				`check of ${small.n.toLocaleString('en')} entries < 1 s`,
				`${ms(small.median)} (median)`,
				verdict(small.median < TARGET_CHECK_1K_MS),
			],
			[
				`citations add ≤ ${TARGET_CITATION_OVERHEAD * 100} % to build time`,
				`${pct(overhead)} (median)`,
				verdict(overhead <= TARGET_CITATION_OVERHEAD),
			],
			[
				`check time grows linearly (ratio ≤ ${LINEAR_RATIO_LIMIT} for ${sizeRatio}×)`,
				`${growth.toFixed(2)}×`,
				verdict(growth <= LINEAR_RATIO_LIMIT),
			],
		]),
	);
	console.log(
		`\nbenchmark took ${secs(performance.now() - began)}; load average at the end ${load()}`,
	);
}

try {
	await main();
} catch (error) {
	if (error instanceof BenchError) console.error(`\n✗ ${error.message}`);
	else console.error(error);
	process.exitCode = 1;
} finally {
	if (process.env.KPE_BENCH_KEEP) console.error(`kept (KPE_BENCH_KEEP): ${temps.join(' ')}`);
	else for (const dir of temps) rmSync(dir, { recursive: true, force: true });
}
