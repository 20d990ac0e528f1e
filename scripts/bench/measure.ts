/** Running a command for the benchmark: wall-clock and CPU time (user + system, children included). */
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	cpSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Timed {
	wallMs: number;
	/** From GNU time; undefined without /usr/bin/time. Less sensitive than wall time to other load. */
	cpuMs?: number;
	status: number | null;
	output: string;
}

const TIME = '/usr/bin/time';

/** Runs a command to the end and times it. */
export function timed(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv },
): Timed {
	const useTime = existsSync(TIME);
	const report = join(tmpdir(), `kpe-bench-time-${process.pid}-${Date.now()}.txt`);
	const started = performance.now();
	const run = useTime
		? spawnSync(TIME, ['-f', '%U %S', '-o', report, command, ...args], {
				...options,
				encoding: 'utf8',
				maxBuffer: 1 << 28,
			})
		: spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 1 << 28 });
	const wallMs = performance.now() - started;
	let cpuMs: number | undefined;
	if (useTime && existsSync(report)) {
		const [user, system] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ');
		cpuMs = (Number(user) + Number(system)) * 1000;
		rmSync(report);
	}
	return { wallMs, cpuMs, status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}

export function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const secs = (ms: number | undefined) =>
	ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`;
export const load = () =>
	loadavg()
		.map((v) => v.toFixed(2))
		.join(' ');

/** Cache folders in node_modules that a copy must not share with the project. */
const CACHE_DIRS = new Set(['.astro', '.vite', '.vite-temp', '.vitest', '.cache']);

/**
 * A temp folder with the site's node_modules as hard links: a symlinked node_modules resolves to
 * files outside the project root, which Astro's build rejects, and would share Vite's caches.
 */
export function tempSiteWithModules(site: string, label: string): string {
	const root = mkdtempSync(join(tmpdir(), `kpe-bench-${label}-`));
	const source = join(site, 'node_modules');
	const target = join(root, 'node_modules');
	mkdirSync(target);
	const packages = readdirSync(source).filter((name) => !CACHE_DIRS.has(name));
	const linked = spawnSync('cp', ['-al', ...packages, target], { cwd: source, stdio: 'pipe' });
	if (linked.status !== 0)
		for (const name of packages)
			cpSync(join(source, name), join(target, name), { recursive: true, verbatimSymlinks: true });
	return root;
}

export { buildEnv } from '../../tests/support/build-env.ts';
