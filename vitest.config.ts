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
		// Two workers, even on a 2-core machine (vitest's default there is one), shared by all three
		// projects: any file may run beside any other, so a core that one file leaves idle (Chromium
		// waiting on a page, a build writing files) goes to the next. Browser files were once kept to
		// one at a time, which vitest runs as a separate group after all the others: the whole run
		// took 209 s with 40 CPU-s idle, against 194 s with 9 idle now. Tests that build the site
		// build a copy of the project (tests/support/project-copy.ts), never in dist/, which the site
		// and browser tests read.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		// `npm run coverage`: what the unit tests exercise of the code under src/ (the engine, the
		// Markdown plugins, site helpers). Code run only in a child process (a build, a script) or
		// only by the site and browser tests over dist/ is not counted. The thresholds are the
		// figures reached when they were set, rounded down: a change that leaves code untested
		// lowers them and fails the run.
		coverage: {
			provider: 'v8',
			include: ['src/**/*.ts'],
			reporter: ['text-summary', ['text', { skipFull: true }]],
			reportsDirectory: 'tests/.artifacts/coverage',
			// Measured 2026-12-06 over all of src/: statements 82.1 %, branches 74.1 %, functions
			// 79.7 %, lines 83.6 % (the Starlight plugin's wiring, routes and client scripts run
			// only in builds, which the site and browser tests check on dist/).
			thresholds: { statements: 82, branches: 74, functions: 79, lines: 83 },
		},
		projects: [
			// Unit and site files share a worker's modules (citation-js, the engine and node-html-parser
			// load once, not once per file): no test mocks a module or changes a global, so nothing
			// leaks. A third of these projects' CPU time was importing.
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false },
			},
			{
				extends: true,
				test: {
					name: 'site',
					include: ['tests/site/**/*.test.ts'],
					isolate: false,
					// Sweeps parse every built page (about 150): a few seconds alone, more on a loaded
					// 2-core machine, where vitest's 5 s default once cut the CSP sweeps short.
					testTimeout: 30_000,
					globalSetup: ['tests/support/require-dist.ts'],
				},
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/support/require-dist.ts', 'tests/support/preview-server.ts'],
					// One Chromium for the whole run (started by preview-server.ts), which browser files
					// running side by side share; inside a file, sweeps over many pages use TABS tabs and
					// `it.concurrent` tests run TABS at a time.
					maxConcurrency: TABS,
					// Every wait inside a browser test is on a condition (an element, a URL, a value in the
					// page), never on a time. This bound only stops a test that hangs: it is no speed
					// target (those are in npm run bench). On a loaded 2-core machine a test of two page
					// loads once passed 60 s.
					testTimeout: 180_000,
					hookTimeout: 180_000,
				},
			},
		],
	},
});
