/**
 * A counter for the expensive steps (checking the evidence, parsing a page), so that how often each
 * runs per build or per `npm test` can be shown rather than guessed. Off unless `KPE_TRACE` names a
 * file: each step then appends one line, `<step>\t<subject>`, to it. Appending (not a counter in
 * memory) sums across the processes one `npm test` starts: the check script, `astro check`, the
 * builds and vitest. Count with `cut -f1 "$KPE_TRACE" | sort | uniq -c`.
 */
import { appendFileSync } from 'node:fs';

export function traceEnabled(): boolean {
	return Boolean(process.env.KPE_TRACE);
}

/** Records one run of `step` on `subject` (a root folder, a page file). */
export function trace(step: string, subject = ''): void {
	const file = process.env.KPE_TRACE;
	if (file) appendFileSync(file, `${step}\t${subject}\n`);
}
