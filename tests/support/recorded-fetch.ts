/**
 * A `fetch` that replays the hand-written registry responses in tests/fixtures/online/ (see its
 * README): doi.org content negotiation and NCBI esummary. Anything not recorded answers 404, as
 * the registries do for an identifier they do not know. Every URL asked for is kept in `calls`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Fetch } from '../../src/engine/editor/online.ts';

const dir = fileURLToPath(new URL('../fixtures/online/', import.meta.url));

export function recordedFetch(): Fetch & { calls: string[] } {
	const calls: string[] = [];
	const fetch = (async (url: string, init?: { headers?: Record<string, string> }) => {
		calls.push(url);
		let file: string | undefined;
		const doi = /^https:\/\/doi\.org\/(.+)$/.exec(url);
		if (doi) {
			if (init?.headers?.Accept !== 'application/vnd.citationstyles.csl+json')
				throw new Error('doi.org was asked without CSL-JSON content negotiation');
			file = `doi/${decodeURIComponent(doi[1]!).replace(/\//g, '_')}.json`;
		}
		const pmid = /esummary\.fcgi\?.*\bid=(\d+)/.exec(url);
		if (pmid) file = `pubmed/${pmid[1]}.json`;
		const path = file && `${dir}${file}`;
		if (!path || !existsSync(path)) {
			return { ok: false, status: 404, text: async () => 'Not found' };
		}
		const body = readFileSync(path, 'utf8');
		return { ok: true, status: 200, text: async () => body };
	}) as Fetch & { calls: string[] };
	fetch.calls = calls;
	return fetch;
}
