/**
 * `npm run add-study -- <DOI or PMID>` on recorded registry answers (tests/fixtures/online/, written
 * by hand from verified records; no network): the entry under the conventional key, in key order,
 * in the right file; a facts stub that fails the check; refusal of a study already in the library.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/add-study.ts';
import { checkProject } from '../../../src/engine/check/check-project.ts';
import {
	conventionalKey,
	expandPages,
	parseStudyId,
	prepareStudy,
} from '../../../src/engine/editor/add-study.ts';
import { loadLibrary } from '../../../src/engine/read/library.ts';
import { recordedFetch } from '../../support/recorded-fetch.ts';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function project(): string {
	const dir = mkdtempSync(join(tmpdir(), 'kpe-add-'));
	temporary.push(dir);
	cpSync(fileURLToPath(new URL('../../fixtures/evidence/add-study/', import.meta.url)), dir, {
		recursive: true,
	});
	return dir;
}
async function addStudy(dir: string, id: string) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main({
		argv: ['--root', dir, id],
		fetch: recordedFetch(),
		out: (l) => out.push(l),
		err: (l) => err.push(l),
	});
	return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run add-study', () => {
	it('adds a study from a recorded DOI: conventional key, key order, the condition file', async () => {
		const dir = project();
		const result = await addStudy(dir, 'https://doi.org/10.1016/j.pain.2009.06.023');
		expect(result.err).toBe('');
		expect(result.code).toBe(0);
		const bib = readFileSync(join(dir, 'references/conditions.bib'), 'utf8');
		const entry = [
			'@article{sigtermans2009ketamine,',
			'  author    = {Sigtermans, Marnix J. and van Hilten, Jacobus J. and Bauer, Martin C.R. and Arbous, M. Sesmu and Marinus, Johan and Sarton, Elise Y. and Dahan, Albert},',
			'  title     = {Ketamine produces effective and long-term pain relief in patients with Complex Regional Pain Syndrome Type 1},',
			'  journal   = {Pain},',
			'  year      = {2009},',
			'  volume    = {145},',
			'  number    = {3},',
			'  pages     = {304--311},',
			'  doi       = {10.1016/j.pain.2009.06.023}',
			'}',
		].join('\n');
		// Sorted by key: after the comment line, before wilson2008randomised.
		expect(bib.indexOf(entry)).toBeGreaterThan(0);
		expect(bib.indexOf(entry)).toBeLessThan(bib.indexOf('@article{wilson2008randomised'));
		expect(result.out).toContain('✓ Added "sigtermans2009ketamine" to references/conditions.bib:3');
		expect(result.out).toContain('Next steps:');
		const facts = readFileSync(join(dir, 'references/facts/sigtermans2009ketamine.yaml'), 'utf8');
		expect(facts).toContain('conditions: [crps]');
		// The new entry is clean; only the stub fails, until an editor fills it in.
		const evidence = checkProject({ root: dir });
		expect(evidence.library.entries.has('sigtermans2009ketamine')).toBe(true);
		expect(evidence.diagnostics.length).toBeGreaterThan(0);
		expect(new Set(evidence.diagnostics.map((d) => `${d.code} ${d.file}`))).toEqual(
			new Set(['unfinished-facts references/facts/sigtermans2009ketamine.yaml']),
		);
	});

	it('adds a study from a recorded PMID, keeping the DOI PubMed lists', async () => {
		const dir = project();
		const result = await addStudy(dir, '23365053');
		expect(result.code).toBe(0);
		const bib = readFileSync(join(dir, 'references/conditions.bib'), 'utf8');
		expect(bib).toContain(
			[
				'@article{afridi2013randomized,',
				'  author    = {Afridi, S. K. and Giffin, N. J. and Kaube, H. and Goadsby, P. J.},',
				'  title     = {A randomized controlled trial of intranasal ketamine in migraine with prolonged aura},',
				'  journal   = {Neurology},',
				'  year      = {2013},',
				'  volume    = {80},',
				'  number    = {7},',
				'  pages     = {642--647},',
				'  doi       = {10.1212/WNL.0b013e3182824e66},',
				'  pmid      = {23365053}',
				'}',
			].join('\n'),
		);
		expect(bib.indexOf('afridi2013randomized')).toBeLessThan(bib.indexOf('wilson2008randomised'));
		expect(readFileSync(join(dir, 'references/facts/afridi2013randomized.yaml'), 'utf8')).toContain(
			'conditions: [migraine]',
		);
	});

	it('refuses a study already in the library (same DOI, or the PMID of an entry), writing nothing', async () => {
		const dir = project();
		expect((await addStudy(dir, '23365053')).code).toBe(0);
		const before = readFileSync(join(dir, 'references/conditions.bib'), 'utf8');
		const again = await addStudy(dir, '10.1212/WNL.0b013e3182824e66');
		expect(again.code).toBe(1);
		expect(again.err).toContain(
			'already holds this study as "afridi2013randomized" (references/conditions.bib:3)',
		);
		expect(readFileSync(join(dir, 'references/conditions.bib'), 'utf8')).toBe(before);
	});

	it("refuses the real library's own studies", async () => {
		const library = loadLibrary('references');
		const result = await prepareStudy('19604642', library, recordedFetch(), {
			conditionsFile: 'references/conditions.bib',
			topicsFile: 'references/topics.bib',
		});
		expect(result).toMatchObject({
			ok: false,
			message: expect.stringContaining('"sigtermans2009ketamine"'),
		});
	});

	it('looks in the library first: a DOI or PMID already there gets the key to cite, with no network', async () => {
		const library = loadLibrary('references');
		const offline: Parameters<typeof prepareStudy>[2] = () =>
			Promise.reject(new Error('no network in this test'));
		for (const id of ['10.1016/j.pain.2009.06.023', '19604642']) {
			const result = await prepareStudy(id, library, offline, {
				conditionsFile: 'references/conditions.bib',
				topicsFile: 'references/topics.bib',
			});
			expect(result).toMatchObject({
				ok: false,
				message: expect.stringContaining('Cite it as [@sigtermans2009ketamine]'),
			});
		}
	});

	it('says so when the registry does not know the identifier', async () => {
		const dir = project();
		const result = await addStudy(dir, '99999999');
		expect(result.code).toBe(1);
		expect(result.err).toContain('PubMed has no record 99999999');
	});
});

describe('add-study helpers', () => {
	it('reads DOIs and PMIDs as editors paste them', () => {
		expect(parseStudyId('doi:10.1000/ABC')).toEqual({ kind: 'doi', value: '10.1000/ABC' });
		expect(parseStudyId('https://pubmed.ncbi.nlm.nih.gov/19604642/')).toEqual({
			kind: 'pmid',
			value: '19604642',
		});
		expect(parseStudyId('PMC12345')).toBeUndefined();
	});

	it('builds keys as the library does, skipping small title words and taken keys', () => {
		const record = {
			author: [{ family: "O'Connor" }],
			issued: { 'date-parts': [[2021]] },
			title: 'The low-dose ketamine trial',
		};
		expect(conventionalKey(record, new Set())).toBe('oconnor2021low');
		expect(conventionalKey(record, new Set(['oconnor2021low']))).toBe('oconnor2021dose');
	});

	it('writes PubMed page ranges in full', () => {
		expect(expandPages('304-11')).toBe('304--311');
		expect(expandPages('1187-1195')).toBe('1187--1195');
		expect(expandPages('e674')).toBe('e674');
	});
});
