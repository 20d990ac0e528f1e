/**
 * A `fetch` that answers from recorded responses instead of the network: `npm run watch --
 * --fixtures <dir>` (a dry run) and the tests. `<dir>/routes.json` lists routes, first match wins:
 * `match` (substrings the decoded URL must all contain), then `file` (a JSON body beside it), or
 * `status` (an HTTP error), `body` (raw text, e.g. malformed JSON) or `hang` (never answers, until
 * aborted). `times` limits a route to its first n uses (a 429 that clears on retry).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WatchFetch } from './http.ts';

export interface Route {
	match: string[];
	file?: string;
	status?: number;
	body?: string;
	hang?: boolean;
	times?: number;
	/** Seconds, sent as a Retry-After header with a status. */
	retryAfter?: number;
}

export function readRoutes(dir: string): Route[] {
	return JSON.parse(readFileSync(join(dir, 'routes.json'), 'utf8')) as Route[];
}

export function replayFetch(
	dir: string,
	routes: Route[] = readRoutes(dir),
): WatchFetch & { calls: string[] } {
	const used = new Map<Route, number>();
	const calls: string[] = [];
	const fetch = (async (url: string, init?: { signal?: AbortSignal }) => {
		calls.push(url);
		let decoded = url;
		try {
			decoded = decodeURIComponent(url);
		} catch {
			// keep the raw URL
		}
		const route = routes.find(
			(r) =>
				r.match.every((m) => decoded.includes(m)) &&
				(r.times === undefined || (used.get(r) ?? 0) < r.times),
		);
		if (!route) throw new Error(`no recorded response for ${url}`);
		used.set(route, (used.get(route) ?? 0) + 1);
		if (route.hang)
			return new Promise((_, reject) => {
				init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
			});
		const headers = {
			get: (name: string) =>
				name.toLowerCase() === 'retry-after' && route.retryAfter ? String(route.retryAfter) : null,
		};
		if (route.status && route.status >= 400)
			return { ok: false, status: route.status, headers, text: async () => route.body ?? '' };
		const body = route.file ? readFileSync(join(dir, route.file), 'utf8') : (route.body ?? '');
		return { ok: true, status: 200, headers, text: async () => body };
	}) as WatchFetch & { calls: string[] };
	fetch.calls = calls;
	return fetch;
}
