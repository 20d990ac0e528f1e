/** The four services' requests and paging, on hand-written answers (tests/fixtures/watch/README.md). */
import { describe, expect, it } from 'vitest';
import { Http, type WatchFetch } from '../../../src/watch/http.ts';
import { replayFetch } from '../../../src/watch/replay.ts';
import { esearch, esummary, pubmedFamily } from '../../../src/watch/sources/pubmed.ts';
import { searchEuropePmc } from '../../../src/watch/sources/europepmc.ts';
import { searchTrials } from '../../../src/watch/sources/clinicaltrials.ts';
import { updateNotices } from '../../../src/watch/sources/crossref.ts';
import { fakeClock } from '../../support/fake-clock.ts';

const FIXTURES = 'tests/fixtures/watch';
const auth = { tool: 'ketamine-pain-evidence', email: 'editors@example.org' };
const http = (fetch: WatchFetch) => new Http({ fetch, clock: fakeClock(), intervals: {} });

describe('PubMed (E-utilities)', () => {
	it('asks esearch for the Entrez-date window, with tool, email and the optional API key', async () => {
		const fetch = replayFetch(FIXTURES);
		const ids = await esearch(
			http(fetch),
			'"Fibromyalgia"[Mesh]',
			{ from: '2026-12-01', to: '2026-12-08' },
			{ ...auth, apiKey: 'k123' },
		);
		expect(ids).toEqual(['99000001', '99000002']);
		const url = new URL(fetch.calls[0]!);
		expect(url.origin + url.pathname).toBe(
			'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esearch.fcgi',
		);
		expect(Object.fromEntries(url.searchParams)).toMatchObject({
			db: 'pubmed',
			term: '"Fibromyalgia"[Mesh]',
			datetype: 'edat',
			mindate: '2026/12/01',
			maxdate: '2026/12/08',
			retmode: 'json',
			retstart: '0',
			tool: 'ketamine-pain-evidence',
			email: 'editors@example.org',
			api_key: 'k123',
		});
	});

	it('pages esearch with retstart until every id is in', async () => {
		// 1,203 ids: three pages of 500.
		const all = Array.from({ length: 1203 }, (_, i) => String(90000000 + i));
		const calls: string[] = [];
		const fetch: WatchFetch = async (url) => {
			calls.push(url);
			const start = Number(new URL(url).searchParams.get('retstart'));
			const body = {
				esearchresult: { count: String(all.length), idlist: all.slice(start, start + 500) },
			};
			return { ok: true, status: 200, text: async () => JSON.stringify(body) };
		};
		const ids = await esearch(http(fetch), 'x', { from: '2026-12-01', to: '2026-12-08' }, auth);
		expect(ids).toEqual(all);
		expect(calls.map((u) => new URL(u).searchParams.get('retstart'))).toEqual(['0', '500', '1000']);
	});

	it('reads esummary: title, first author, journal, year, publication types, DOI', async () => {
		const [record] = await esummary(http(replayFetch(FIXTURES)), ['99000001'], auth);
		expect(record).toMatchObject({
			id: 'pmid:99000001',
			pmid: '99000001',
			doi: '10.5555/fixture.0001',
			firstAuthor: 'Example',
			year: 2026,
			journal: 'Fixture Journal of Pain',
			kind: 'randomised-trial',
		});
		expect(pubmedFamily('van Hilten JJ')).toBe('van Hilten');
	});

	it('treats an answer without esearchresult as a failure, not as "nothing found"', async () => {
		const fetch = replayFetch('.', [
			{ match: ['esearch'], body: '{"error":"API rate limit exceeded"}' },
		]);
		await expect(
			esearch(http(fetch), 'x', { from: '2026-12-01', to: '2026-12-08' }, auth),
		).rejects.toThrow('pubmed: esearch answered without a result (API rate limit exceeded)');
	});
});

describe('Europe PMC', () => {
	it('follows nextCursorMark until it repeats, and adds the first-index-date window', async () => {
		const fetch = replayFetch(FIXTURES);
		const records = await searchEuropePmc(http(fetch), '(TITLE:fibromyalgia)', {
			from: '2026-12-01',
			to: '2026-12-08',
		});
		expect(fetch.calls.map((u) => new URL(u).searchParams.get('cursorMark'))).toEqual([
			'*',
			'AoIIFixture1',
			'AoIIFixture2',
		]);
		expect(new URL(fetch.calls[0]!).searchParams.get('query')).toBe(
			'(TITLE:fibromyalgia) AND FIRST_IDATE:[2026-12-01 TO 2026-12-08]',
		);
		expect(records.map((r) => r.id)).toEqual([
			'pmid:99000002',
			'doi:10.5555/fixture.preprint.0003',
			'epmc:CBA:CBA9900001',
		]);
		// Europe PMC's little HTML is stripped from abstracts.
		expect(records[0]!.abstract).toMatch(/^Background Fictional abstract/);
		expect(records[0]!.abstract).not.toContain('<');
	});
});

describe('ClinicalTrials.gov v2', () => {
	it('follows nextPageToken and reads NCT, status, size, completion and results', async () => {
		const fetch = replayFetch(FIXTURES);
		const trials = await searchTrials(http(fetch), 'Fibromyalgia', 'ketamine OR esketamine');
		expect(fetch.calls).toHaveLength(2);
		const first = new URL(fetch.calls[0]!);
		expect(first.searchParams.get('query.cond')).toBe('Fibromyalgia');
		expect(first.searchParams.get('query.intr')).toBe('ketamine OR esketamine');
		expect(new URL(fetch.calls[1]!).searchParams.get('pageToken')).toBe('fixtureToken2');
		expect(trials).toEqual([
			expect.objectContaining({
				nct: 'NCT99000001',
				status: 'RECRUITING',
				enrollment: 60,
				completion: '2028-06',
				hasResults: false,
			}),
			expect.objectContaining({ nct: 'NCT99000002', status: 'ACTIVE_NOT_RECRUITING' }),
			expect.objectContaining({
				nct: 'NCT99000003',
				status: 'COMPLETED',
				completionType: 'ACTUAL',
				hasResults: true,
			}),
		]);
	});
});

describe('Crossref', () => {
	it('reads updated-by notices (type, notice DOI, date) and skips DOIs it does not know', async () => {
		const fetch = replayFetch('.', [
			{
				match: ['api.crossref.org/works/10.5555/fixture.0001', 'mailto=editors@example.org'],
				body: JSON.stringify({
					status: 'ok',
					message: {
						DOI: '10.5555/fixture.0001',
						'updated-by': [
							{
								DOI: '10.5555/FIXTURE.NOTICE',
								type: 'retraction',
								source: 'publisher',
								updated: { 'date-parts': [[2027, 1, 5]] },
							},
						],
					},
				}),
			},
			{ match: ['api.crossref.org'], status: 404 },
		]);
		const h = http(fetch);
		expect(await updateNotices(h, '10.5555/fixture.0001', 'editors@example.org')).toEqual([
			{ type: 'retraction', notice: '10.5555/fixture.notice', date: '2027-01-05' },
		]);
		expect(await updateNotices(h, '10.5555/unknown', 'editors@example.org')).toEqual([]);
	});
});
