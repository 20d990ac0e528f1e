/**
 * A copy of the project (sources, content, references, config; not its dependencies, build output,
 * caches or tests) built with `astro build`, for tests that need the real site built differently:
 * under a base path, or with injection payloads added. Building a copy leaves the project's own
 * dist/, .astro/ and content store alone, so other test files can read them at the same time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildEnv } from './build-env.ts';
import { ROOT } from './paths.ts';

export interface BuiltCopy {
	/** The copy's folder; its build is in `dist/` inside it. */
	root: string;
	dist: string;
	/** What `astro build` printed. */
	output: string;
	cleanup(): void;
}

/**
 * Copies the project, lets `change` edit the copy, and builds it with `env` added to a clean
 * build environment. Throws with the build's output if it fails.
 */
export function buildProjectCopy(
	label: string,
	{ change, env = {} }: { change?: (root: string) => void; env?: NodeJS.ProcessEnv } = {},
): BuiltCopy {
	// Inside the project, so that its node_modules resolve by walking up (a symlinked node_modules
	// confuses Vite's module ids); the folder is git-ignored and removed afterwards.
	mkdirSync(join(ROOT, '.cache'), { recursive: true });
	const root = mkdtempSync(join(ROOT, '.cache', `${label}-`));
	const skip = new Set(['node_modules', 'dist', '.astro', '.git', '.cache', 'tests', 'scratch']);
	for (const name of readdirSync(ROOT))
		if (!skip.has(name)) cpSync(join(ROOT, name), join(root, name), { recursive: true });
	change?.(root);
	const run = spawnSync(
		process.execPath,
		[join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
		{ cwd: root, encoding: 'utf8', env: buildEnv(env) },
	);
	const output = `${run.stdout}${run.stderr}`;
	if (run.status !== 0) throw new Error(`The ${label} copy of the site did not build:\n${output}`);
	return {
		root,
		dist: join(root, 'dist'),
		output,
		cleanup: () => rmSync(root, { recursive: true, force: true }),
	};
}
