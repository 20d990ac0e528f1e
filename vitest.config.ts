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
		// vitest's default stays (cores − 1: one worker on a 2-core machine). Two workers were tried:
		// tests/site/base-path.test.ts then builds in the project root while tests/site/security.test.ts
		// reads dist/, and the CSP hash test failed once; the browser sweeps use the cores instead.
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
