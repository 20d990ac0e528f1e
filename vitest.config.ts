import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { TABS } from './tests/support/tabs.ts';

// Three kinds of test, all run by `npm test` (which builds the site first):
// - unit: the evidence engine and components, no build needed;
// - site: parse the built `dist/` HTML and assert what a reader sees;
// - browser: real headless Debian Chromium against dist/, served by tests/support/static-server.ts.
// Plain vitest, not Astro's getViteConfig: no test imports `astro:*` modules, and loading the Astro
// config would run the evidence check once more for nothing.
export default defineConfig({
	test: {
		// vitest's default is cores − 1: a single worker on a 2-core machine, so the unit tests wait for
		// the browser tests although most of a browser test is Chromium working in its own processes
		// and most of a fixture test is an `astro build` child process. Two workers keep both cores busy.
		maxWorkers: Math.max(2, availableParallelism()),
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'site',
					include: ['tests/site/**/*.test.ts'],
					globalSetup: ['tests/support/require-dist.ts'],
				},
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/support/require-dist.ts', 'tests/support/preview-server.ts'],
					// One Chromium at a time (the machine has two cores); inside a file, sweeps over many
					// pages use TABS tabs and `it.concurrent` tests run TABS at a time.
					fileParallelism: false,
					maxConcurrency: TABS,
					testTimeout: 60_000,
					hookTimeout: 60_000,
				},
			},
		],
	},
});
