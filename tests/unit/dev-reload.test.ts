/**
 * The dev server's edit loop (src/plugin/dev-reload.ts): a save to the library or a page is checked
 * again without restarting the server, an edit saved while the previous one is still being
 * reloaded is never lost, and a broken library leaves every page served, with the problems on it.
 * Every wait is on a condition (what the page shows), never on time alone.
 */
import { parse } from 'node-html-parser';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, startDevServer, waitForStatus } from '../support/fixture.ts';

/** Polls `url` until its HTML satisfies `ok` (the server is never restarted, so no refused requests). */
async function waitForPage(url: string, ok: (html: string) => boolean, timeout = 60_000) {
	let last = '';
	for (const deadline = Date.now() + timeout; Date.now() < deadline;) {
		const response = await fetch(url);
		last = await response.text();
		if (response.status === 200 && ok(last)) return last;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(
		`${url} never showed what was expected within ${timeout} ms:\n${last.slice(0, 2000)}`,
	);
}

describe('the dev server edit loop', () => {
	it('never loses an edit saved during the reload of the one before, and never restarts', async () => {
		const fixture = copyFixture('dev-reload');
		const bib = join(fixture.dir, 'references/library.bib');
		const page = join(fixture.dir, 'content/index.mdx');
		const bibText = readFileSync(bib, 'utf8');
		const pageText = readFileSync(page, 'utf8');
		let server;
		try {
			server = await startDevServer(fixture.dir);
			await waitForStatus(`${server.url}/`, 200);
			await waitForPage(`${server.url}/`, (html) => html.includes('first version'));
			// Each round saves the library, then saves it again (and the page) after a delay that
			// lands inside the reload the first save started; only the last save may be shown.
			for (const [round, delay] of [0, 20, 80, 200, 500].entries()) {
				writeFileSync(bib, bibText.replace('resting heart rate', `heart rate ${round}a`));
				await new Promise((r) => setTimeout(r, delay));
				writeFileSync(bib, bibText.replace('resting heart rate', `heart rate ${round}b`));
				writeFileSync(page, pageText.replace('first version', `version ${round}b`));
				const html = await waitForPage(
					`${server.url}/`,
					(h) => h.includes(`heart rate ${round}b`) && h.includes(`version ${round}b`),
				);
				expect(html).not.toContain(`heart rate ${round}a`);
				// And it stays: the next request does not fall back to an older library.
				const again = await (await fetch(`${server.url}/`)).text();
				expect(again).toContain(`heart rate ${round}b`);
			}
			expect(server.log()).not.toMatch(/restart/i);
		} finally {
			server?.stop();
			fixture.remove();
		}
	}, 240_000);

	it('keeps serving pages while the library is broken, with the problems shown, and clears them once fixed', async () => {
		const fixture = copyFixture('dev-reload');
		const facts = join(fixture.dir, 'references/facts/smith2020exercise.yaml');
		const factsText = readFileSync(facts, 'utf8');
		let server;
		try {
			server = await startDevServer(fixture.dir);
			await waitForPage(`${server.url}/`, (html) => html.includes('first version'));
			writeFileSync(facts, factsText.replace(/^route: .*$/m, 'route: TODO'));
			const broken = await waitForPage(`${server.url}/`, (h) => h.includes('Not publishable'));
			expect(broken).toContain('first version');
			expect(parse(broken).querySelector('[data-kpe-dev-problems]')?.textContent).toContain(
				'references/facts/smith2020exercise.yaml:8:8 error [unfinished-facts] smith2020exercise: Field "route" is still TODO',
			);
			writeFileSync(facts, factsText);
			const fixed = await waitForPage(`${server.url}/`, (h) => !h.includes('Not publishable'));
			expect(fixed).toContain('first version');
		} finally {
			server?.stop();
			fixture.remove();
		}
	}, 240_000);
});
