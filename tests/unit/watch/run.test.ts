/**
 * Whole runs: the dry run on the recorded responses, the date window, and the all-or-nothing
 * guarantee: each way a service can fail leaves the output folder exactly as it was.
 */
import {
	cpSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
	mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/watch.ts';
import { readRoutes, replayFetch, type Route } from '../../../src/watch/replay.ts';
import { isDue, windowStart } from '../../../src/watch/run.ts';
import { runRecordSchema, type RunRecord } from '../../../src/watch/schema.ts';
import { fakeClock } from '../../support/fake-clock.ts';

/** Whole runs and whole-project checks: seconds each on a loaded shared machine (not a speed target). */
const WHOLE_RUNS = { timeout: 60_000 };

const FIXTURES = 'tests/fixtures/watch';
const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
	const d = mkdtempSync(join(tmpdir(), 'kpe-watch-test-'));
	dirs.push(d);
	return d;
};

async function dryRun(out: string, routes?: Route[]) {
	const lines: string[] = [];
	const code = await main({
		argv: ['--fixtures', FIXTURES, '--out', out, '--today', '2026-12-08'],
		env: {},
		fetch: routes ? replayFetch(FIXTURES, routes) : undefined,
		clock: fakeClock(),
		out: (l) => lines.push(l),
		err: (l) => lines.push(l),
	});
	return { code, output: lines.join('\n') };
}

/** Every file under `dir` with its bytes, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const path = join(d, name);
			if (statSync(path).isDirectory()) walk(path);
			else out[relative(dir, path)] = readFileSync(path, 'utf8');
		}
	};
	walk(dir);
	return out;
}

describe('a dry run on the recorded responses', WHOLE_RUNS, () => {
	it('writes the report, the CSV and a run record that reads back against its schema', async () => {
		const out = tmp();
		const { code, output } = await dryRun(out);
		expect(code, output).toBe(0);
		expect(output).toMatch(
			/✓ watch run 2026-12-08T060000Z \(recorded responses\): 10 pages searched, 6 records found, 4 new to screen, 2 already known/,
		);
		const run = runRecordSchema.parse(
			JSON.parse(readFileSync(join(out, 'runs/2026-12-08T060000Z.json'), 'utf8')),
		);
		expect(run.fixtures).toBe(true);
		const fibro = run.protocols.find((p) => p.page === 'conditions/fibromyalgia')!;
		expect(fibro.window).toEqual({ from: '2026-12-01', to: '2026-12-08' });
		expect(fibro.identified).toEqual({ pubmed: 2, europepmc: 3 });
		expect(fibro.trials?.map((t) => t.nct)).toEqual(['NCT99000001', 'NCT99000002', 'NCT99000003']);
		// Monthly topics are not due a week after their search date.
		expect(run.protocols.map((p) => p.page)).not.toContain('topics/mood');
		// The library's own studies, found again, are known; Noppers 2011 by its title alone.
		const known = Object.fromEntries(
			run.records.filter((r) => r.duplicateOf).map((r) => [r.id, r.duplicateOf]),
		);
		expect(known).toEqual({
			'epmc:CBA:CBA9900001': { of: 'library', key: 'noppers2011absence', by: 'title' },
			// Found in PubMed and (with its DOI in capitals) in Europe PMC: merged, then matched.
			'pmid:19604642': { of: 'library', key: 'sigtermans2009ketamine', by: 'doi' },
		});
		expect(readdirSync(out).sort()).toEqual(['candidates.csv', 'report.md', 'runs']);
	});

	it('refuses --fixtures without --out, so a dry run never lands in references/watch', async () => {
		const lines: string[] = [];
		const code = await main({ argv: ['--fixtures', FIXTURES], env: {}, err: (l) => lines.push(l) });
		expect(code).toBe(2);
		expect(lines.join('\n')).toContain('--fixtures needs --out');
	});

	it('refuses a real run without WATCH_EMAIL', async () => {
		const lines: string[] = [];
		const code = await main({ argv: ['--out', tmp()], env: {}, err: (l) => lines.push(l) });
		expect(code).toBe(2);
		expect(lines.join('\n')).toContain('Set WATCH_EMAIL');
	});
});

describe('the date window', WHOLE_RUNS, () => {
	const run = (page: string, to: string) =>
		({
			protocols: [{ page, window: { from: '2026-11-01', to }, identified: {}, records: [] }],
		}) as unknown as RunRecord;

	it("starts at the page's search date, then where the last run that searched the page ended", () => {
		expect(windowStart('conditions/crps', [], '2026-12-01')).toBe('2026-12-01');
		const runs = [run('conditions/crps', '2026-12-08'), run('topics/mood', '2026-12-15')];
		expect(windowStart('conditions/crps', runs, '2026-12-01')).toBe('2026-12-08');
		expect(windowStart('topics/mood', runs, '2026-12-01')).toBe('2026-12-15');
	});

	it('searches a monthly protocol again after four weeks', () => {
		const monthly = { cadence: 'monthly' } as Parameters<typeof isDue>[0];
		expect(isDue(monthly, '2026-12-01', '2026-12-28')).toBe(false);
		expect(isDue(monthly, '2026-12-01', '2026-12-29')).toBe(true);
	});

	it("continues from the previous run's end in a second run", async () => {
		const out = tmp();
		expect((await dryRun(out)).code).toBe(0);
		// The second run sees the first (a dry run's record is read back only from its own --out).
		const root = tmp();
		for (const name of ['references', 'content'])
			cpSync(name, join(root, name), { recursive: true });
		mkdirSync(join(root, 'references/watch/runs'), { recursive: true });
		const [first] = readdirSync(join(out, 'runs'));
		const record = JSON.parse(readFileSync(join(out, 'runs', first!), 'utf8'));
		record.fixtures = false;
		writeFileSync(join(root, 'references/watch/runs', first!), JSON.stringify(record));
		const fetch = replayFetch(FIXTURES);
		const code = await main({
			argv: ['--root', root, '--fixtures', FIXTURES, '--out', tmp(), '--today', '2026-12-15'],
			env: {},
			fetch,
			clock: fakeClock(),
			out: () => {},
			err: () => {},
		});
		expect(code).toBe(0);
		const esearch = fetch.calls.find((u) => u.includes('esearch') && u.includes('Fibromyalgia'))!;
		expect(new URL(esearch).searchParams.get('mindate')).toBe('2026/12/08');
		expect(new URL(esearch).searchParams.get('maxdate')).toBe('2026/12/15');
	});
});

describe('a run that fails half way writes nothing', WHOLE_RUNS, () => {
	const failures: [string, Route, RegExp][] = [
		[
			'HTTP 429 that never clears',
			{ match: ['europepmc'], status: 429 },
			/europepmc failed: answered HTTP 429 on all 4 attempts/,
		],
		[
			'HTTP 500',
			{ match: ['clinicaltrials.gov'], status: 500 },
			/clinicaltrials failed: answered HTTP 500 on all 4 attempts/,
		],
		[
			'a timeout',
			{ match: ['esummary.fcgi'], hang: true },
			/pubmed failed: gave no answer within 30 s on all 4 attempts/,
		],
		[
			'malformed JSON',
			{ match: ['api.crossref.org'], body: '{"status":"ok","message":' },
			/crossref failed: answered with malformed JSON/,
		],
		[
			'an answer without results',
			{ match: ['europepmc', 'cursorMark=AoIIFixture1'], body: '{"hitCount":3}' },
			/europepmc failed: answered without a resultList/,
		],
	];

	it.each(failures)(
		'%s: names the service and leaves the previous state byte for byte',
		async (_, route, message) => {
			const out = tmp();
			// A previous complete run is the state to keep.
			expect((await dryRun(out)).code).toBe(0);
			const before = snapshot(out);
			const { code, output } = await dryRun(out, [route, ...readRoutes(FIXTURES)]);
			expect(code).toBe(1);
			expect(output).toMatch(message);
			expect(output).toContain('Nothing was written');
			expect(output).toContain('(last complete run: 2026-12-08T060000Z.json)');
			expect(snapshot(out)).toEqual(before);
		},
	);

	it('an empty result is not a failure: a complete run with nothing new', async () => {
		const out = tmp();
		const empty: Route[] = [
			{ match: ['esearch.fcgi'], file: 'pubmed/esearch-empty.json' },
			{ match: ['europepmc'], file: 'europepmc/empty.json' },
			{ match: ['clinicaltrials.gov'], file: 'clinicaltrials/empty.json' },
			...readRoutes(FIXTURES),
		];
		const { code, output } = await dryRun(out, empty);
		expect(code, output).toBe(0);
		expect(output).toContain('0 records found, 0 new to screen');
		// The header alone: still a file ASReview and spreadsheets open.
		expect(readFileSync(join(out, 'candidates.csv'), 'utf8')).toBe(
			'title,abstract,doi,pmid,nct,condition,included,record_id\n',
		);
	});
});
