/**
 * Scenario sites for tests (as Starlight's own `__tests__/<scenario>/`): run the Astro CLI on a
 * folder under tests/fixtures/, or serve it with `astro dev`, and read what an editor would see.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
// The CLI gets the environment a terminal gives it: with vitest's NODE_ENV=test and VITEST*
// variables, `astro dev` does not serve pages at all (its request handler steps aside under vitest).
const parentEnv = Object.fromEntries(
	Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
);
const ENV = { ...parentEnv, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

export interface CommandResult {
	status: number | null;
	/** stdout and stderr, as the terminal shows them. */
	output: string;
}

/** Runs `astro <command>` in a fixture folder (`astro build`, `astro sync`…). */
export function runAstro(fixture: string, command: string, ...args: string[]): CommandResult {
	const run = spawnSync(process.execPath, [ASTRO, command, ...args], {
		cwd: fixture,
		encoding: 'utf8',
		env: ENV,
	});
	return { status: run.status, output: run.stdout + run.stderr };
}

/** Builds a fixture into its own `dist/`; the build's output is returned for error assertions. */
export function buildFixture(name: string): CommandResult & { dir: string } {
	const dir = join(ROOT, 'tests/fixtures', name);
	return { dir, ...runAstro(dir, 'build') };
}

/**
 * A throw-away copy of a fixture, next to the original so its relative imports still resolve;
 * the test may edit it (as an editor would) and must call `remove()`.
 */
export function copyFixture(name: string): { dir: string; remove: () => void } {
	const dir = mkdtempSync(join(ROOT, 'tests/fixtures/.copy-'));
	cpSync(join(ROOT, 'tests/fixtures', name), dir, {
		recursive: true,
		filter: (src) => !/\/(dist|\.astro|node_modules)$/.test(src),
	});
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolvePort(address.port)
					: reject(new Error('no free port')),
			);
		});
	});
}

export interface DevServer {
	url: string;
	log: () => string;
	stop: () => void;
}

/**
 * `astro dev` on a free port; resolves once it has synced the content and answers (any status: a
 * page may show an error). Use `waitForStatus` for a page, since the first requests may race a restart.
 */
export async function startDevServer(dir: string): Promise<DevServer> {
	const port = await freePort();
	const child = spawn(
		process.execPath,
		[ASTRO, 'dev', '--host', '127.0.0.1', '--port', String(port)],
		{ cwd: dir, env: ENV },
	);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const server = { url: `http://127.0.0.1:${port}`, log: () => output, stop: () => child.kill() };
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`astro dev exited early:\n${output}`);
		const answered = await fetch(server.url).then(
			() => true,
			() => false, // not listening yet
		);
		if (answered && output.includes('watching for file changes')) return server;
		await new Promise((r) => setTimeout(r, 200));
	}
	server.stop();
	throw new Error(`astro dev did not answer within 60 s:\n${output}`);
}

/** Polls a URL until it answers with `status` (the dev server restarts after watched files change). */
export async function waitForStatus(
	url: string,
	status: number,
	timeout = 60_000,
): Promise<Response> {
	let last: Response | undefined;
	for (const deadline = Date.now() + timeout; Date.now() < deadline;) {
		last = await fetch(url).catch(() => undefined); // refused while restarting
		if (last?.status === status) return last;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(
		`${url} answered ${last?.status ?? 'nothing'}, not ${status}, within ${timeout} ms`,
	);
}
