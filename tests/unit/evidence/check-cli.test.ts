/**
 * `npm run check` as a pull request meets it: the terminal report, GitHub annotations and job
 * summary when GITHUB_ACTIONS is set, and `--online` on the entries the pull request added or
 * changed (a real git repository in a temporary folder; registry answers replayed from
 * tests/fixtures/online/, no network).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/check-evidence.ts';
import {
	annotation,
	escapeData,
	escapeProperty,
	jobSummary,
} from '../../../src/engine/problems/report-github.ts';
import {
	changedLines,
	pubmedName,
	resolveDoi,
	resolvePmid,
} from '../../../src/engine/editor/online.ts';
import { recordedFetch } from '../../support/recorded-fetch.ts';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../fixtures/evidence/${name}/`, import.meta.url));
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The pull-request fixture as a git repository: `main` holds the base library, HEAD the change. */
function pullRequestRepo(): string {
	const dir = mkdtempSync(join(tmpdir(), 'kpe-pr-'));
	temporary.push(dir);
	cpSync(fixture('pull-request'), dir, { recursive: true });
	const git = (...args: string[]) =>
		execFileSync(
			'git',
			['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-C', dir, ...args],
			{
				stdio: 'pipe',
			},
		);
	const pr = readFileSync(join(dir, 'references/library.bib'), 'utf8');
	writeFileSync(join(dir, 'references/library.bib'), readFileSync(join(dir, 'base-library.bib')));
	git('init', '-q', '-b', 'main');
	git('add', '-A');
	git('commit', '-q', '-m', 'base');
	git('checkout', '-q', '-b', 'add-studies');
	writeFileSync(join(dir, 'references/library.bib'), pr);
	git('commit', '-q', '-am', 'Add three studies');
	return dir;
}

async function run(argv: string[], env: Record<string, string> = {}, fetch = recordedFetch()) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main({ argv, env, fetch, out: (l) => out.push(l), err: (l) => err.push(l) });
	return { code, out: out.join('\n'), err: err.join('\n'), fetch };
}

describe('GitHub annotations', () => {
	it('escapes data and properties as the Actions runner reads them', () => {
		expect(escapeData('50% of 2\nlines\r')).toBe('50%25 of 2%0Alines%0D');
		expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
	});

	it('writes one ::error per problem, with file, line, column and title', () => {
		const line = annotation({
			code: 'unknown-citation',
			file: 'content/a,b.md',
			line: 7,
			column: 73,
			key: 'x:y',
			message: 'Line one\nline two, 100%',
			hint: 'Fix: it',
		});
		expect(line).toBe(
			'::error file=content/a%2Cb.md,line=7,col=73,title=[unknown-citation] x%3Ay::' +
				'Line one%0Aline two, 100%25%0AFix: Fix: it%0ASee: CONTRIBUTING.md#unknown-citation',
		);
		expect(line.split('\n')).toHaveLength(1);
	});

	it('writes a job summary table that no problem text can break out of', () => {
		const md = jobSummary(
			[
				{
					code: 'html-in-field',
					file: 'references/a.bib',
					line: 3,
					column: 3,
					key: 'k',
					message: 'Has <script> | and\na newline',
					hint: 'Remove it',
				},
			],
			{ parsedEntries: 1, rawEntries: 1, files: 1, facts: 0, citations: 0, pages: 0 },
		);
		const row = md.split('\n').find((l) => l.startsWith('| `references'))!;
		expect(row).toBe(
			'| `references/a.bib:3:3` | [html-in-field](CONTRIBUTING.md#html-in-field) `k`: Has &lt;script> \\| and<br>a newline | Remove it |',
		);
		expect(md).toContain('**1 problem.**');
	});
});

describe('npm run check on a pull request', () => {
	it('prints annotations on GitHub Actions and appends the job summary', async () => {
		const dir = pullRequestRepo();
		const summary = join(dir, 'summary.md');
		const result = await run(['--root', dir], {
			GITHUB_ACTIONS: 'true',
			GITHUB_STEP_SUMMARY: summary,
		});
		expect(result.code).toBe(1);
		expect(result.out.split('\n')).toEqual([
			'::error file=content/page.md,line=7,col=63,title=[unknown-citation] sigtermans2009ketamin::' +
				'This page cites "sigtermans2009ketamin", which is not in the library. Did you mean "sigtermans2009ketamine"?' +
				'%0AFix: Fix the key, or add the study to references/*.bib (see "Add a study").%0ASee: CONTRIBUTING.md#unknown-citation',
		]);
		expect(result.err).toContain(
			'content/page.md:7:63 error [unknown-citation] sigtermans2009ketamin',
		);
		const md = readFileSync(summary, 'utf8');
		expect(md).toContain('## Evidence checks');
		expect(md).toContain('| `content/page.md:7:63` |');
		// Offline: no registry asked.
		expect(result.fetch.calls).toEqual([]);
	});

	it('writes no annotation outside GitHub Actions', async () => {
		const result = await run(['--root', fixture('pull-request')]);
		expect(result.out).toBe('');
		expect(result.err).toContain('error [unknown-citation]');
	});

	it('--online resolves only the entries the pull request changed, and reports mismatches at their lines', async () => {
		const dir = pullRequestRepo();
		const result = await run(['--root', dir, '--online', '--base', 'main'], {
			GITHUB_ACTIONS: 'true',
		});
		expect(result.code).toBe(1);
		// afridi2013randomized is unchanged: its DOI is not looked up.
		expect(result.fetch.calls).toEqual([
			'https://doi.org/10.1000/kpe-fixture-404',
			'https://doi.org/10.1016/j.pain.2009.06.023',
			'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esummary.fcgi?db=pubmed&retmode=json&id=19604642',
			'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esummary.fcgi?db=pubmed&retmode=json&id=23365053',
		]);
		const lines = result.out.split('\n');
		expect(
			lines.map((l) => l.replace(/::[^:]*$/, '').replace(/^(.*title=[^:]*)::.*$/, '$1')),
		).toEqual([
			'::error file=content/page.md,line=7,col=63,title=[unknown-citation] sigtermans2009ketamin',
			'::error file=references/library.bib,line=18,col=3,title=[online-unresolved] lee2021ketamine',
			'::error file=references/library.bib,line=38,col=3,title=[online-mismatch] wang2020ketamine',
		]);
		expect(lines[2]).toContain(
			'The PMID 23365053 resolves to a different record: title "A randomized controlled trial of intranasal ketamine in migraine with prolonged aura" (the entry has "Ketamine infusions for fibromyalgia: an open-label trial"); year "2013" (the entry has "2020"); first author "Afridi" (the entry has "Wang").',
		);
		expect(lines[1]).toContain('doi.org has no such DOI');
		expect(result.err).toContain('3 changed entries checked online');
	});

	it('--online passes when every changed entry matches its published record', async () => {
		const dir = pullRequestRepo();
		// Keep only the correct new entry: drop the two wrong ones and the page's typo.
		const bib = readFileSync(join(dir, 'references/library.bib'), 'utf8');
		writeFileSync(
			join(dir, 'references/library.bib'),
			bib
				.replace(/@article\{lee2021ketamine,[\s\S]*?\n\}\n\n/, '')
				.replace(/\n@article\{wang2020ketamine,[\s\S]*$/, ''),
		);
		rmSync(join(dir, 'references/facts/lee2021ketamine.yaml'));
		rmSync(join(dir, 'references/facts/wang2020ketamine.yaml'));
		writeFileSync(
			join(dir, 'content/page.md'),
			'---\ntitle: T\n---\n\nOne trial [@sigtermans2009ketamine].\n',
		);
		const result = await run(['--root', dir, '--online', '--base', 'main']);
		expect(result.err).toBe('');
		expect(result.code).toBe(0);
		expect(result.out).toContain('0 problems');
		expect(result.out).toContain('1 changed entry checked online');
	});
});

describe('registry lookups (recorded responses)', () => {
	it('reads a DOI record from doi.org content negotiation', async () => {
		const lookup = await resolveDoi('10.1016/j.pain.2009.06.023', recordedFetch());
		expect(lookup.found && lookup.record.author?.[0]?.family).toBe('Sigtermans');
		expect(lookup.found && lookup.record.issued?.['date-parts']?.[0]?.[0]).toBe(2009);
	});

	it('reads a PubMed summary, and says so when PubMed has no such PMID', async () => {
		const found = await resolvePmid('23365053', recordedFetch());
		expect(found.found && found.record.title).toBe(
			'A randomized controlled trial of intranasal ketamine in migraine with prolonged aura',
		);
		const missing = await resolvePmid('99999999', recordedFetch());
		expect(missing).toMatchObject({
			found: false,
			reason: expect.stringContaining('no record 99999999'),
		});
	});

	it('splits PubMed author names into family name and initials', () => {
		expect(pubmedName('van Hilten JJ')).toEqual({ family: 'van Hilten', given: 'J. J.' });
		expect(pubmedName('Dahan A')).toEqual({ family: 'Dahan', given: 'A.' });
		expect(pubmedName('WHO Consortium')).toEqual({ family: 'WHO Consortium' });
	});

	it('reads the changed lines of each file from git diff --unified=0', () => {
		const diff = [
			'diff --git a/references/a.bib b/references/a.bib',
			'--- a/references/a.bib',
			'+++ b/references/a.bib',
			'@@ -3 +3,2 @@',
			'@@ -10,2 +11,0 @@',
		].join('\n');
		expect([...changedLines(diff).get('references/a.bib')!]).toEqual([3, 4, 11]);
	});
});

describe('CONTRIBUTING.md', () => {
	it('has a section for every error code the checks can print (each message links to it)', () => {
		const source = readFileSync('src/engine/problems/diagnostics.ts', 'utf8');
		const union = /export type DiagnosticCode =([^;]*);/.exec(source)![1]!;
		const codes = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);
		expect(codes.length).toBeGreaterThan(30);
		const docs = readFileSync('CONTRIBUTING.md', 'utf8');
		expect(codes.filter((code) => !new RegExp(`^### ${code}$`, 'm').test(docs))).toEqual([]);
	});
});
