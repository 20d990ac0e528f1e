/**
 * `npm run check` on the watch's files: a broken protocol, a page without one, and the decision
 * log's three rules (a fixed list of reasons, one decision per record, decisions only for records a
 * run found); and the retraction path. Each runs on a copy of the project's references and content.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/engine/check/check-project.ts';
import { formatDiagnostic } from '../../../src/engine/problems/diagnostics.ts';

/** Whole runs and whole-project checks: seconds each on a loaded shared machine (not a speed target). */
const WHOLE_RUNS = { timeout: 60_000 };

const copies: string[] = [];
afterAll(() => {
	for (const d of copies) rmSync(d, { recursive: true, force: true });
});

/** A copy of the project's evidence and pages, changed by `edit`, then checked. */
function check(edit: (root: string) => void) {
	const root = mkdtempSync(join(tmpdir(), 'kpe-watch-check-'));
	copies.push(root);
	for (const name of ['references', 'content']) cpSync(name, join(root, name), { recursive: true });
	edit(root);
	const diagnostics = checkProject({ root }).diagnostics;
	return { diagnostics, printed: diagnostics.map(formatDiagnostic).join('\n\n') };
}

const RUN = {
	version: 1,
	id: '2026-12-08T060000Z',
	startedAt: '2026-12-08T06:00:00.000Z',
	finishedAt: '2026-12-08T06:00:02.000Z',
	durationMs: 2000,
	requests: {},
	protocols: [
		{
			page: 'conditions/fibromyalgia',
			window: { from: '2026-12-01', to: '2026-12-08' },
			identified: { pubmed: 2 },
			records: ['pmid:99000001', 'pmid:99000002'],
		},
	],
	records: ['99000001', '99000002'].map((pmid) => ({
		id: `pmid:${pmid}`,
		title: 'Fictional record for the checks',
		pmid,
		kind: 'other',
		sources: ['pubmed'],
		pages: ['conditions/fibromyalgia'],
	})),
};

function withRun(root: string) {
	mkdirSync(join(root, 'references/watch/runs'), { recursive: true });
	writeFileSync(join(root, 'references/watch/runs/2026-12-08T060000Z.json'), JSON.stringify(RUN));
}

describe('the project as committed', WHOLE_RUNS, () => {
	it('passes: a protocol for every condition and topic page, an empty decision log', () => {
		expect(check(() => {}).diagnostics).toEqual([]);
	});
});

describe('a bad protocol', WHOLE_RUNS, () => {
	it('a condition page without a protocol file is named, with the file to add', () => {
		const { printed } = check((root) => rmSync(join(root, 'references/watch/protocol/crps.yaml')));
		expect(printed).toContain(
			'content/conditions/crps.mdx:1:1 error [missing-watch-protocol] The condition page "conditions/crps" has no search protocol',
		);
		expect(printed).toContain('fix: Add references/watch/protocol/crps.yaml');
	});

	it('is reported at its line with the fix: a page that does not exist, a misspelt field, no registry query', () => {
		const { diagnostics, printed } = check((root) => {
			const file = join(root, 'references/watch/protocol/crps.yaml');
			writeFileSync(
				file,
				readFileSync(file, 'utf8')
					.replace('page: conditions/crps', 'page: conditions/crsp')
					.replace('cadence: weekly', 'cadance: weekly'),
			);
			const fibro = join(root, 'references/watch/protocol/fibromyalgia.yaml');
			writeFileSync(
				fibro,
				readFileSync(fibro, 'utf8').replace(/clinicaltrials:\n {2}cond: Fibromyalgia\n/, ''),
			);
		});
		expect(printed).toContain(
			'references/watch/protocol/crps.yaml:1:1 error [invalid-watch-protocol]',
		);
		expect(printed).toContain('Field "cadence" is missing.');
		expect(printed).toContain('Unrecognized key: "cadance"');
		expect(printed).toContain(
			'references/watch/protocol/fibromyalgia.yaml:1:1 error [invalid-watch-protocol] "conditions/fibromyalgia" is a condition page, but its protocol has no `clinicaltrials.cond`',
		);
		// A broken protocol is reported at its file, not again as a missing one.
		expect(printed).not.toContain('content/conditions/crps.mdx');
		expect(diagnostics.every((d) => d.hint.length > 0)).toBe(true);
	});

	it('names a page that is not a condition or topic page, with the nearest', () => {
		const { printed } = check((root) => {
			const file = join(root, 'references/watch/protocol/crps.yaml');
			writeFileSync(
				file,
				readFileSync(file, 'utf8').replace('page: conditions/crps', 'page: conditions/crsp'),
			);
		});
		expect(printed).toContain(
			'references/watch/protocol/crps.yaml:1:7 error [invalid-watch-protocol] "page: conditions/crsp" is not a condition or topic page under content/. Did you mean "conditions/crps"?',
		);
	});
});

describe('the decision log', WHOLE_RUNS, () => {
	const decisions = (root: string, yaml: string) => {
		withRun(root);
		writeFileSync(join(root, 'references/watch/decisions.yaml'), yaml);
	};

	it('refuses an unknown reason, a record decided twice differently, and a decision for a record no run found', () => {
		const { diagnostics, printed } = check((root) =>
			decisions(
				root,
				[
					'decisions:',
					'  - record: pmid:99000001',
					'    decision: excluded',
					'    reason: not-chronic-pian',
					'    date: 2026-12-09',
					'  - record: pmid:99000002',
					'    decision: excluded',
					'    reason: wrong-design',
					'    date: 2026-12-09',
					'  - record: pmid:99000002',
					'    decision: included',
					'    date: 2026-12-10',
					'  - record: pmid:12345678',
					'    decision: excluded',
					'    reason: duplicate',
					'    date: 2026-12-10',
					'',
				].join('\n'),
			),
		);
		expect(diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual([
			'unknown-exclusion-reason references/watch/decisions.yaml:4',
			'conflicting-decisions references/watch/decisions.yaml:10',
			'decision-without-record references/watch/decisions.yaml:13',
		]);
		expect(printed).toContain(
			'"not-chronic-pian" is not one of the exclusion reasons. Did you mean "not-chronic-pain"?',
		);
		expect(printed).toContain(
			'"pmid:99000002" is decided twice, differently: excluded (wrong-design) at line 6, included here.',
		);
		expect(printed).toContain('No run of the watch found "pmid:12345678"');
	});

	it('refuses an inclusion under a key the library does not have', () => {
		const { printed } = check((root) =>
			decisions(
				root,
				[
					'decisions:',
					'  - record: pmid:99000001',
					'    decision: included',
					'    key: nobody2027ketamine',
					'    date: 2026-12-09',
					'',
				].join('\n'),
			),
		);
		expect(printed).toContain(
			'references/watch/decisions.yaml:4:10 error [invalid-watch-decision] "pmid:99000001" is included as "nobody2027ketamine", which is not in the library.',
		);
		expect(printed).toContain('npm run add-study');
	});

	it('refuses a decision without a date, at its line', () => {
		const { printed } = check((root) =>
			decisions(
				root,
				[
					'decisions:',
					'  - record: pmid:99000002',
					'    decision: excluded',
					'    reason: duplicate',
					'',
				].join('\n'),
			),
		);
		expect(printed).toContain(
			'references/watch/decisions.yaml:2:5 error [invalid-watch-decision] Field "decisions.0.date"',
		);
	});
});

describe('a retracted study', WHOLE_RUNS, () => {
	it('stops the check at every place a page cites it, and not for an expression of concern', () => {
		const retract = (type: string) => (root: string) => {
			const file = join(root, 'references/facts/sigtermans2009ketamine.yaml');
			writeFileSync(
				file,
				`${readFileSync(file, 'utf8').trimEnd()}\nretraction: { type: ${type}, date: 2027-01-05, source: crossref }\n`,
			);
		};
		const { diagnostics } = check(retract('retraction'));
		expect(diagnostics.length).toBeGreaterThan(1);
		expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['cites-retracted']));
		expect(diagnostics.some((d) => d.file === 'content/conditions/crps.mdx')).toBe(true);
		expect(formatDiagnostic(diagnostics[0]!)).toMatch(
			/error \[cites-retracted\] sigtermans2009ketamine: This cites "sigtermans2009ketamine" as evidence, but the study was retracted \(recorded 2027-01-05\)/,
		);
		expect(check(retract('expression-of-concern')).diagnostics).toEqual([]);
	});
});

describe('a run record edited by hand', WHOLE_RUNS, () => {
	it('is reported, not trusted', () => {
		const { printed } = check((root) => {
			withRun(root);
			writeFileSync(join(root, 'references/watch/runs/2026-12-15T060000Z.json'), '{"version": 1,');
		});
		expect(printed).toContain(
			'references/watch/runs/2026-12-15T060000Z.json:1:1 error [invalid-watch-run] The run record is not valid JSON',
		);
	});
});

describe('the retraction path, end to end', WHOLE_RUNS, () => {
	it('a run that finds notices records them in the facts; then the check names the pages citing the retracted study', async () => {
		const { main } = await import('../../../scripts/watch.ts');
		const { readRoutes } = await import('../../../src/watch/replay.ts');
		const { replayFetch } = await import('../../../src/watch/replay.ts');
		const { fakeClock } = await import('../../support/fake-clock.ts');
		const root = mkdtempSync(join(tmpdir(), 'kpe-watch-retract-'));
		copies.push(root);
		for (const name of ['references', 'content'])
			cpSync(name, join(root, name), { recursive: true });
		// Test-only answers: PubMed marks one library PMID retracted; Crossref lists an expression of
		// concern for another study's DOI.
		const routes = [
			{
				match: ['esearch.fcgi', 'Retracted Publication', '19604642[pmid]'],
				body: JSON.stringify({ esearchresult: { count: '1', idlist: ['19604642'] } }),
			},
			{
				match: ['api.crossref.org/works/10.1212/wnl.0b013e3182824e66'],
				body: JSON.stringify({
					status: 'ok',
					message: {
						'updated-by': [
							{
								DOI: '10.5555/FIXTURE.EOC',
								type: 'expression_of_concern',
								updated: { 'date-parts': [[2027, 1, 5]] },
							},
						],
					},
				}),
			},
			...readRoutes('tests/fixtures/watch'),
		];
		const lines: string[] = [];
		const code = await main({
			argv: [
				'--root',
				root,
				'--fixtures',
				'tests/fixtures/watch',
				'--out',
				join(root, 'references/watch'),
				'--today',
				'2026-12-08',
			],
			env: {},
			fetch: replayFetch('tests/fixtures/watch', routes),
			clock: fakeClock(),
			out: (l) => lines.push(l),
			err: (l) => lines.push(l),
		});
		expect(code, lines.join('\n')).toBe(0);
		expect(lines.join('\n')).toContain(
			'retraction recorded in references/facts/sigtermans2009ketamine.yaml',
		);
		expect(
			readFileSync(join(root, 'references/facts/sigtermans2009ketamine.yaml'), 'utf8'),
		).toMatch(
			/\nretraction: \{ type: retraction, date: 2026-12-08, source: pubmed, notice: 'https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/19604642\/' \}\n$/,
		);
		expect(
			readFileSync(join(root, 'references/facts/afridi2013randomized.yaml'), 'utf8'),
		).toContain(
			"retraction: { type: expression-of-concern, date: 2027-01-05, source: crossref, notice: 'https://doi.org/10.5555/fixture.eoc' }",
		);
		const diagnostics = checkProject({ root }).diagnostics;
		expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['cites-retracted']));
		expect(new Set(diagnostics.map((d) => d.key))).toEqual(new Set(['sigtermans2009ketamine']));
	});
});
