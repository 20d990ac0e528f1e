/**
 * A clock for the watch's tests: `sleep` moves time forward at once (and resolves on the next
 * macrotask, so a recorded answer, which resolves on a microtask, always beats a timeout), and
 * every sleep is kept so tests can check pacing and backoff.
 */
import type { Clock } from '../../src/watch/http.ts';

export function fakeClock(
	start = Date.parse('2026-12-08T06:00:00Z'),
): Clock & { sleeps: number[] } {
	let now = start;
	const sleeps: number[] = [];
	return {
		sleeps,
		now: () => now,
		sleep: (ms, signal) =>
			new Promise((resolve) => {
				if (signal?.aborted) return resolve();
				sleeps.push(ms);
				setImmediate(() => {
					if (!signal?.aborted) now += ms;
					resolve();
				});
			}),
	};
}
