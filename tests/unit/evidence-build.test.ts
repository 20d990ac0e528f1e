import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, runAstro, startDevServer, waitForStatus } from '../support/fixture.ts';
import { ROOT } from '../support/paths.ts';

const UNKNOWN_CITATION =
	'content/index.md:5:37 error [unknown-citation] smith2020exercize: This page cites "smith2020exercize", which is not in the library. Did you mean "smith2020exercise"?';

describe('the build', () => {
	it('stops on a page citing an unknown key: Astro error with file:line:column, the nearest key and a hint, no stack trace', () => {
		const run = runAstro(join(ROOT, 'tests/fixtures/build-unknown-citation'), 'build');
		expect(run.status, run.output).not.toBe(0);
		expect(run.output).toContain(`[AstroUserError] The evidence checks found 1 problem:`);
		expect(run.output).toContain(UNKNOWN_CITATION);
		expect(run.output).toContain('see: CONTRIBUTING.md#unknown-citation');
		expect(run.output).toMatch(/Hint:\s+Fix each problem at the file:line:column shown/);
		expect(run.output).not.toContain('Unable to load your Astro config');
		expect(run.output).not.toContain('Stack trace');
	}, 90_000);
});

describe('a mistyped directive', () => {
	const fixture = join(ROOT, 'tests/fixtures/directive-typo');
	const expected = [
		'content/index.md:7:1 error [invalid-directive] ::evidence-table has condition="crp", which is not a known value. Did you mean "crps"?',
		'content/page.mdx:11:1 error [invalid-directive] There is no directive "::evidence-tabel". Did you mean "evidence-table"?',
		'content/page.mdx:13:1 error [invalid-directive] ::evidence-table has condition="crp", which is not a known value. Did you mean "crps"?',
	];

	it('stops the build (in .md and .mdx alike) instead of publishing an empty table', () => {
		const run = runAstro(fixture, 'build');
		expect(run.status, run.output).not.toBe(0);
		expect(run.output).toContain('The evidence checks found 3 problems');
		for (const line of expected) expect(run.output).toContain(line);
	}, 90_000);

	it('fails `npm run check` with the same lines, and ignores the directive shown in a code block', () => {
		const run = spawnSync(
			process.execPath,
			[join(ROOT, 'scripts/check-evidence.ts'), '--root', fixture],
			{ encoding: 'utf8' },
		);
		expect(run.status).toBe(1);
		for (const line of expected) expect(run.stderr).toContain(line);
		expect(run.stderr).not.toContain('not checked inside code');
	}, 60_000);
});

describe('the dev server', () => {
	it('starts with a broken library, shows the problem on every page, and recovers when the page is fixed', async () => {
		const fixture = copyFixture('build-unknown-citation');
		let server;
		try {
			server = await startDevServer(fixture.dir);
			const broken = await waitForStatus(`${server.url}/`, 500);
			// Astro's dev error page: the overlay script receives the error (message, file, line).
			expect(await broken.text()).toContain('<title>AstroUserError</title>');
			expect(server.log()).toContain(UNKNOWN_CITATION);

			const page = join(fixture.dir, 'content/index.md');
			writeFileSync(page, readFileSync(page, 'utf8').replace('exercize', 'exercise'));
			const fixed = await waitForStatus(`${server.url}/`, 200);
			expect(await fixed.text()).toContain('href="#ref-smith2020exercise"');
		} finally {
			server?.stop();
			fixture.remove();
		}
	}, 150_000);
});
