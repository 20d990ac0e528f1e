import { defineConfig } from 'vitest/config';

// Three kinds of test, all run by `npm test` (which builds the site first):
// - unit: the evidence engine and components, no build needed;
// - site: parse the built `dist/` HTML and assert what a reader sees;
// - browser: real headless Debian Chromium against dist/, served by tests/support/static-server.ts.
// Plain vitest, not Astro's getViteConfig: no test imports `astro:*` modules, and loading the Astro
// config would run the evidence check once more for nothing.
export default defineConfig({
	test: {
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
					// One Chromium at a time: the machine has two cores.
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 60_000,
				},
			},
		],
	},
});
