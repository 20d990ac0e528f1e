/**
 * The check's cache (src/engine/read/check-cache.ts) changes speed only: a check served from it
 * gives the same entries, facts, page readings and diagnostics as a check that reads every file.
 */
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject, type Evidence } from '../../../src/engine/check/check-project.ts';
import { ROOT } from '../../support/paths.ts';

const temps: string[] = [];
afterEach(() => {
	for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const temp = (label: string) => {
	const dir = mkdtempSync(join(tmpdir(), `kpe-cache-${label}-`));
	temps.push(dir);
	return dir;
};

/** What a check hands on: every entry's CSL, every facts record, the claims, the diagnostics. */
function outcome(evidence: Evidence) {
	return {
		entries: evidence.library.all.map((e) => [e.key, e.file, e.line, e.csl]),
		facts: [...evidence.facts.byKey.entries()],
		invalid: [...evidence.facts.invalid],
		claims: evidence.claims,
		diagnostics: evidence.diagnostics,
		counts: evidence.counts,
	};
}

// Whole-project checks: a few seconds each on a loaded 2-core machine.
describe('the check cache', { timeout: 60_000 }, () => {
	it('gives the real project the same evidence cold, warm and without a cache', () => {
		const cacheDir = temp('real');
		const plain = outcome(checkProject({ root: ROOT }));
		const cold = outcome(checkProject({ root: ROOT, cacheDir }));
		expect(existsSync(join(cacheDir, 'check-cache.json'))).toBe(true);
		const warm = outcome(checkProject({ root: ROOT, cacheDir }));
		expect(cold).toEqual(plain);
		expect(warm).toEqual(plain);
	});

	it('reports every problem again on a warm run, and sees an edited file', () => {
		const root = temp('problems');
		cpSync(join(ROOT, 'tests/fixtures/evidence/every-problem-at-once'), root, { recursive: true });
		const cacheDir = temp('problems-cache');
		const plain = outcome(checkProject({ root }));
		expect(plain.diagnostics.length).toBeGreaterThan(0);
		checkProject({ root, cacheDir });
		expect(outcome(checkProject({ root, cacheDir }))).toEqual(plain);
	});

	it('sees an edited facts file, page and BibTeX entry on a warm run', () => {
		const root = temp('edited');
		for (const name of ['references', 'content'])
			cpSync(join(ROOT, name), join(root, name), { recursive: true });
		const cacheDir = temp('edited-cache');
		checkProject({ root, cacheDir });
		const facts = join(root, 'references/facts');
		const file = readdirSync(facts).find((n) => n.endsWith('.yaml'))!;
		writeFileSync(join(facts, file), readFileSync(join(facts, file), 'utf8') + '\nn: -3\n');
		const page = join(root, 'content/conditions/crps.mdx');
		writeFileSync(page, readFileSync(page, 'utf8') + '\nA new claim [@nosuchkey2020].\n');
		const bib = join(root, 'references/conditions.bib');
		writeFileSync(bib, readFileSync(bib, 'utf8').replace(/\btitle\s*=\s*\{/, 'title = {<b>'));
		const warm = outcome(checkProject({ root, cacheDir }));
		expect(warm).toEqual(outcome(checkProject({ root })));
		const codes = new Set(warm.diagnostics.map((d) => d.code));
		expect(codes).toContain('invalid-facts');
		expect(codes).toContain('unknown-citation');
		expect(warm.diagnostics.some((d) => d.file === 'references/conditions.bib')).toBe(true);
	});
});
