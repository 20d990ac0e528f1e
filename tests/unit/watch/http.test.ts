/** Pacing, retries, timeouts and bad answers of the watch's HTTP client, on a fake clock. */
import { describe, expect, it } from 'vitest';
import { Http, SourceError, defaultIntervals } from '../../../src/watch/http.ts';
import { replayFetch, type Route } from '../../../src/watch/replay.ts';
import { fakeClock } from '../../support/fake-clock.ts';

const ok: Route = { match: ['example.org'], body: '{"fine":true}' };
const client = (routes: Route[], options: Partial<ConstructorParameters<typeof Http>[0]> = {}) => {
	const clock = fakeClock();
	const fetch = replayFetch('.', routes);
	const http = new Http({
		fetch,
		clock,
		intervals: defaultIntervals(false),
		backoffMs: 1000,
		...options,
	});
	return { http, clock, fetch };
};

describe('pacing', () => {
	it('keeps PubMed to 3 requests a second without a key (334 ms apart), on the injected clock', async () => {
		const { http } = client([ok]);
		for (let i = 0; i < 10; i++) await http.json('pubmed', `https://example.org/${i}`);
		const starts = http.started.map((s) => s.at);
		const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
		expect(gaps.every((g) => g >= 334)).toBe(true);
		// Ten requests take at least nine gaps: never more than 3 in any second.
		expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(9 * 334);
	});

	it('allows 10 a second with an NCBI API key, and paces each service on its own', async () => {
		const { http } = client([ok], { intervals: defaultIntervals(true) });
		await http.json('pubmed', 'https://example.org/a');
		await http.json('pubmed', 'https://example.org/b');
		await http.json('clinicaltrials', 'https://example.org/c');
		const [a, b, c] = http.started;
		expect(b!.at - a!.at).toBe(100);
		// ClinicalTrials.gov had no request yet: no wait.
		expect(c!.at).toBe(b!.at);
	});
});

describe('retries', () => {
	it('retries a 429 with exponential backoff (and a longer Retry-After) and then succeeds', async () => {
		const { http, clock } = client([
			{ match: ['example.org'], status: 429, times: 1, retryAfter: 5 },
			{ match: ['example.org'], status: 503, times: 1 },
			ok,
		]);
		await expect(http.json('europepmc', 'https://example.org/x')).resolves.toEqual({ fine: true });
		expect(http.requests.europepmc).toBe(3);
		// First backoff: max(1 s, Retry-After 5 s); second: 2 s.
		expect(clock.sleeps.filter((ms) => ms >= 1000 && ms !== 30_000)).toEqual([5000, 2000]);
	});

	it('gives up after the last attempt and names the service, the answer and the address', async () => {
		const { http } = client([{ match: ['example.org'], status: 500 }]);
		const error = (await http
			.json('clinicaltrials', 'https://example.org/studies')
			.catch((e: unknown) => e)) as SourceError;
		expect(error).toBeInstanceOf(SourceError);
		expect(error.source).toBe('clinicaltrials');
		expect(error.message).toBe(
			'clinicaltrials: answered HTTP 500 on all 4 attempts (https://example.org/studies)',
		);
	});

	it('does not retry a 400 (the request is wrong; asking again will not help)', async () => {
		const { http } = client([{ match: ['example.org'], status: 400 }]);
		await expect(http.json('pubmed', 'https://example.org/q')).rejects.toThrow(
			'pubmed: answered HTTP 400',
		);
		expect(http.requests.pubmed).toBe(1);
	});

	it('times out a request that never answers, each attempt, on the clock', async () => {
		const { http, clock } = client([{ match: ['example.org'], hang: true }], { timeoutMs: 30_000 });
		await expect(http.json('pubmed', 'https://example.org/slow')).rejects.toThrow(
			'pubmed: gave no answer within 30 s on all 4 attempts',
		);
		expect(clock.sleeps.filter((ms) => ms === 30_000)).toHaveLength(4);
	});

	it('refuses malformed JSON at once', async () => {
		const { http } = client([{ match: ['example.org'], body: '{"esearchresult": {' }]);
		await expect(http.json('pubmed', 'https://example.org/j')).rejects.toThrow(
			'pubmed: answered with malformed JSON',
		);
		expect(http.requests.pubmed).toBe(1);
	});

	it('returns the given value for a 404 when asked to (a DOI Crossref does not know)', async () => {
		const { http } = client([{ match: ['example.org'], status: 404 }]);
		await expect(http.json('crossref', 'https://example.org/works/10.1/x', {})).resolves.toEqual(
			{},
		);
	});
});
