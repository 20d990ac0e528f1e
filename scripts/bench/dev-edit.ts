/**
 * The dev server's edit loop, timed on a copy of the real project: `astro dev` is started once, then
 * a facts file and a page are edited in turn, and each time the wait is until the served page shows
 * the edit (edit → page). Requests refused or failed meanwhile are counted (a restarting server
 * refuses them). The copy lives in the project's git-ignored .cache/ so its dependencies resolve.
 */
import { spawn } from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface DevEditTimes {
	startupMs: number;
	/** Facts file saved → its study page shows the new text. */
	facts: number[];
	/** Page saved → the page shows the new text. */
	page: number[];
	/** Requests refused or answered with an error while waiting. */
	failed: number;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

export async function timeDevEdits(site: string, rounds: number): Promise<DevEditTimes> {
	mkdirSync(join(site, '.cache'), { recursive: true });
	const root = mkdtempSync(join(site, '.cache', 'bench-dev-'));
	const skip = new Set(['node_modules', 'dist', '.astro', '.git', '.cache', 'tests', 'scratch']);
	for (const name of readdirSync(site))
		if (!skip.has(name)) cpSync(join(site, name), join(root, name), { recursive: true });
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(
		process.execPath,
		[
			join(site, 'node_modules/astro/bin/astro.mjs'),
			'dev',
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
		],
		{ cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
	);
	let log = '';
	child.stdout.on('data', (c) => (log += c));
	child.stderr.on('data', (c) => (log += c));
	let failed = 0;
	const waitFor = async (path: string, text: string): Promise<number> => {
		const started = performance.now();
		while (performance.now() - started < 180_000) {
			try {
				const response = await fetch(url + path);
				const body = await response.text();
				if (response.ok && body.includes(text)) return performance.now() - started;
				if (!response.ok) failed++;
			} catch {
				failed++;
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`${path} never showed "${text}":\n${log.slice(-3000)}`);
	};
	try {
		// The first study whose facts say `result:` (its study page shows it).
		const key = readdirSync(join(root, 'references/facts'))
			.sort()
			.find((n) => /^result: /m.test(readFileSync(join(root, 'references/facts', n), 'utf8')))!
			.replace(/\.yaml$/, '');
		const facts = join(root, 'references/facts', `${key}.yaml`);
		const page = join(root, 'content/conditions/migraine.mdx');
		const factsText = readFileSync(facts, 'utf8');
		const pageText = readFileSync(page, 'utf8');
		const startupMs = await waitFor(`/studies/${key}/`, key);
		await waitFor('/conditions/migraine/', 'igraine');
		failed = 0;
		const times: DevEditTimes = { startupMs, facts: [], page: [], failed: 0 };
		for (let i = 1; i <= rounds; i++) {
			writeFileSync(facts, factsText.replace(/^result: /m, `result: Benchfacts${i} `));
			times.facts.push(await waitFor(`/studies/${key}/`, `Benchfacts${i}`));
			writeFileSync(page, pageText.replace(/\n## /, `\nBenchpage${i} paragraph.\n\n## `));
			times.page.push(await waitFor('/conditions/migraine/', `Benchpage${i}`));
		}
		times.failed = failed;
		return times;
	} finally {
		child.kill();
		rmSync(root, { recursive: true, force: true });
	}
}
