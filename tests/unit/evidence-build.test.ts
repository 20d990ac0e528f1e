import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, runAstro, startDevServer, waitForStatus } from '../support/fixture.ts';
import { ROOT } from '../support/paths.ts';
import { parse } from 'node-html-parser';

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
	it('starts with a broken library, serves the page with the problem shown on it, and recovers when the page is fixed', async () => {
		const fixture = copyFixture('build-unknown-citation');
		let server;
		try {
			server = await startDevServer(fixture.dir);
			const broken = await waitForStatus(`${server.url}/`, 200);
			// The page is still served (an editor previews what they fix), the problems listed on it.
			const html = await broken.text();
			expect(html).toContain('Not publishable: the evidence checks found 1 problem.');
			// Read as a reader sees it: the bar's text, however the HTML escapes it.
			expect(parse(html).querySelector('[data-kpe-dev-problems]')?.textContent).toContain(
				UNKNOWN_CITATION,
			);
			expect(server.log()).toContain(UNKNOWN_CITATION);

			const page = join(fixture.dir, 'content/index.md');
			writeFileSync(page, readFileSync(page, 'utf8').replace('exercize', 'exercise'));
			let fixed = '';
			for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
				fixed = await (await waitForStatus(`${server.url}/`, 200)).text();
				if (fixed.includes('href="#ref-smith2020exercise"')) break;
				await new Promise((r) => setTimeout(r, 200));
			}
			expect(fixed).toContain('href="#ref-smith2020exercise"');
			expect(fixed).not.toContain('Not publishable');
		} finally {
			server?.stop();
			fixture.remove();
		}
	}, 150_000);
});
