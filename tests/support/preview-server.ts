import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, ROOT } from './paths.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

/** Ask the OS for a free loopback port so a stray server on 4321 never breaks the run. */
function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolvePort(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`astro preview exited early:\n${log()}`);
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`astro preview did not answer on ${url} within 30 s:\n${log()}`);
}

/** Starts `astro preview` on 127.0.0.1 for the browser tests and stops it afterwards. */
export default async function setup(project: TestProject) {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`Browser tests need Debian's Chromium at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\` (bash .ci/run does this).`,
		);
	}
	const port = await freePort();
	let output = '';
	// Start node on astro's bin directly (not `npx astro`), so the PID we hold is the server's own.
	const child = spawn(
		process.execPath,
		[
			join(ROOT, 'node_modules/astro/bin/astro.mjs'),
			'preview',
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
		],
		{
			cwd: ROOT,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const baseURL = `http://127.0.0.1:${port}`;
	await waitFor(`${baseURL}/`, child, () => output);
	project.provide('baseURL', baseURL);
	return () => {
		child.kill('SIGTERM');
	};
}
