/**
 * The watch's one way to ask a service for JSON: paced per service, with a timeout per request and
 * retries with exponential backoff on HTTP 429 and 5xx (and on a timeout or a dropped connection).
 * `fetch` and the clock are injected, so tests replay recorded responses on a fake clock.
 *
 * Hand-written rather than p-throttle or bottleneck: requests here are made one at a time, so
 * pacing is "wait until the service's next slot", a few lines; those libraries schedule on the
 * global timers, which a test cannot drive from an injected clock.
 */
import type { SourceName } from './schema.ts';

export interface WatchResponse {
	ok: boolean;
	status: number;
	headers?: { get(name: string): string | null };
	text(): Promise<string>;
}

export type WatchFetch = (
	url: string,
	init?: { signal?: AbortSignal; headers?: Record<string, string> },
) => Promise<WatchResponse>;

export interface Clock {
	/** Milliseconds since the epoch. */
	now(): number;
	/** Resolves after `ms`, or as soon as `signal` aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: (ms, signal) =>
		new Promise((resolve) => {
			const timer = setTimeout(resolve, ms);
			signal?.addEventListener('abort', () => {
				clearTimeout(timer);
				resolve();
			});
		}),
};

/** A run stopped by one service: which one, what it answered, and the address asked. */
export class SourceError extends Error {
	readonly source: SourceName;
	readonly reason: string;
	readonly url: string;
	constructor(source: SourceName, reason: string, url: string) {
		super(`${source}: ${reason} (${url})`);
		this.name = 'SourceError';
		this.source = source;
		this.reason = reason;
		this.url = url;
	}
}

export interface HttpOptions {
	fetch: WatchFetch;
	clock?: Clock;
	/** Least time between the starts of two requests to the same service, in ms. */
	intervals?: Partial<Record<SourceName, number>>;
	/** Per request. @default 30000 */
	timeoutMs?: number;
	/** Attempts after the first. @default 3 */
	retries?: number;
	/** First backoff; doubled each retry (a `Retry-After` header in seconds wins when longer). @default 1000 */
	backoffMs?: number;
}

/**
 * NCBI allows 3 requests a second without an API key and 10 with one; ClinicalTrials.gov asks for
 * well under about 50 a minute; Europe PMC and Crossref ask for politeness without a number.
 */
export function defaultIntervals(ncbiApiKey: boolean): Record<SourceName, number> {
	return {
		pubmed: ncbiApiKey ? 100 : 334,
		europepmc: 200,
		clinicaltrials: 1500,
		crossref: 200,
	};
}

export class Http {
	readonly #fetch: WatchFetch;
	readonly #clock: Clock;
	readonly #intervals: Partial<Record<SourceName, number>>;
	readonly #timeoutMs: number;
	readonly #retries: number;
	readonly #backoffMs: number;
	readonly #next = new Map<SourceName, number>();
	/** Requests made per service (every attempt counts), for the run record. */
	readonly requests: Record<string, number> = {};
	/** When each request started, per service (tests check the pacing). */
	readonly started: { source: SourceName; at: number; url: string }[] = [];

	constructor(options: HttpOptions) {
		this.#fetch = options.fetch;
		this.#clock = options.clock ?? systemClock;
		this.#intervals = options.intervals ?? defaultIntervals(false);
		this.#timeoutMs = options.timeoutMs ?? 30_000;
		this.#retries = options.retries ?? 3;
		this.#backoffMs = options.backoffMs ?? 1000;
	}

	get clock(): Clock {
		return this.#clock;
	}

	/**
	 * GETs `url` and parses its JSON. `notFound` is returned for a 404 when given (a DOI Crossref does
	 * not know is an answer, not a failure); every other failure throws a SourceError.
	 */
	async json<T = unknown>(source: SourceName, url: string, notFound?: T): Promise<T> {
		let last = '';
		for (let attempt = 0; attempt <= this.#retries; attempt++) {
			if (attempt > 0) await this.#clock.sleep(this.#backoff(attempt, last));
			await this.#pace(source);
			const outcome = await this.#once(source, url);
			if (outcome.kind === 'ok') {
				try {
					return JSON.parse(outcome.body) as T;
				} catch (error) {
					throw new SourceError(
						source,
						`answered with malformed JSON (${(error as Error).message})`,
						url,
					);
				}
			}
			if (outcome.kind === 'status' && outcome.status === 404 && notFound !== undefined)
				return notFound;
			const retryable =
				outcome.kind !== 'status' || outcome.status === 429 || outcome.status >= 500;
			last = outcome.kind === 'status' ? `answered HTTP ${outcome.status}` : outcome.reason;
			this.#retryAfter = outcome.kind === 'status' ? outcome.retryAfter : undefined;
			if (!retryable) throw new SourceError(source, last, url);
		}
		throw new SourceError(source, `${last} on all ${this.#retries + 1} attempts`, url);
	}

	#retryAfter: number | undefined;

	#backoff(attempt: number, _last: string): number {
		const exponential = this.#backoffMs * 2 ** (attempt - 1);
		return Math.max(exponential, (this.#retryAfter ?? 0) * 1000);
	}

	async #pace(source: SourceName): Promise<void> {
		const interval = this.#intervals[source] ?? 0;
		const next = this.#next.get(source) ?? 0;
		const wait = next - this.#clock.now();
		if (wait > 0) await this.#clock.sleep(wait);
		this.#next.set(source, this.#clock.now() + interval);
	}

	async #once(
		source: SourceName,
		url: string,
	): Promise<
		| { kind: 'ok'; body: string }
		| { kind: 'status'; status: number; retryAfter: number | undefined }
		| { kind: 'failed'; reason: string }
	> {
		this.requests[source] = (this.requests[source] ?? 0) + 1;
		this.started.push({ source, at: this.#clock.now(), url });
		const abort = new AbortController();
		const settled = new AbortController();
		const timeout = this.#clock.sleep(this.#timeoutMs, settled.signal).then(() => {
			if (settled.signal.aborted) return undefined;
			abort.abort();
			return {
				kind: 'failed' as const,
				reason: `gave no answer within ${this.#timeoutMs / 1000} s`,
			};
		});
		const request = (async () => {
			try {
				const response = await this.#fetch(url, {
					signal: abort.signal,
					headers: { Accept: 'application/json' },
				});
				if (!response.ok) {
					const header = Number(response.headers?.get('retry-after'));
					return {
						kind: 'status' as const,
						status: response.status,
						retryAfter: Number.isFinite(header) && header > 0 ? header : undefined,
					};
				}
				return { kind: 'ok' as const, body: await response.text() };
			} catch (error) {
				return {
					kind: 'failed' as const,
					reason: `could not be reached (${(error as Error).message})`,
				};
			}
		})();
		const outcome = await Promise.race([request, timeout.then((t) => t ?? request)]);
		settled.abort();
		return outcome;
	}
}
