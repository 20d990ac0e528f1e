/** Suggests the existing keys closest to a mistyped one (Levenshtein distance, fastest-levenshtein). */
import { distance } from 'fastest-levenshtein';

/** Up to `limit` keys within a distance that still looks like a typo, nearest first. */
export function nearestKeys(key: string, keys: Iterable<string>, limit = 3): string[] {
	const threshold = Math.max(3, Math.floor(key.length / 3));
	return [...keys]
		.map((candidate) => ({ candidate, d: distance(key.toLowerCase(), candidate.toLowerCase()) }))
		.filter(({ d }) => d <= threshold)
		.sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate))
		.slice(0, limit)
		.map(({ candidate }) => candidate);
}

/** " Did you mean "a" or "b"?" or an empty string. */
export function suggestion(nearest: readonly string[]): string {
	if (nearest.length === 0) return '';
	const quoted = nearest.map((k) => `"${k}"`);
	return ` Did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`}?`;
}
