/**
 * A partly seen record: an entry whose journal, year or identifier could not be seen holds an
 * `unverified` reason instead of guesses. The checks accept it (author and title still required),
 * and readers see "Details not verified" beside it, with no identifier link.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/engine/check/check-project.ts';
import { formatReferences, PARTLY_SEEN_LABEL } from '../../../src/engine/render/format.ts';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../fixtures/evidence/${name}/`, import.meta.url));

describe('a partly seen record (`unverified` field)', () => {
	it('passes the checks without journal, year or identifier when it says why', () => {
		const evidence = checkProject({ root: fixture('partly-seen') });
		expect(evidence.diagnostics).toEqual([]);
		expect(evidence.library.entries.has('smith2008chronic')).toBe(true);
	});

	it('is shown to readers as "Details not verified", with no identifier link', () => {
		const evidence = checkProject({ root: fixture('partly-seen') });
		const [reference] = formatReferences([evidence.library.entries.get('smith2008chronic')!]);
		expect(reference!.html).toContain(`${PARTLY_SEEN_LABEL}.`);
		expect(reference!.html).toContain('Chronic pain: a crossover trial');
		expect(reference!.linksHtml).toBe('');
		expect(reference!.short).toMatch(/\(details not verified\)$/);
	});

	it('still needs a reason in words, and still needs author and title', () => {
		const evidence = checkProject({ root: fixture('partly-seen-no-reason') });
		const byKey = (key: string) =>
			evidence.diagnostics.filter((d) => d.key === key).map((d) => [d.code, d.line, d.message]);
		const smith = byKey('smith2008chronic');
		expect(smith).toContainEqual([
			'missing-field',
			4,
			'The "unverified" field must say what was not seen and why.',
		]);
		// Without a usable reason, the usual rules apply again.
		expect(smith.map((d) => d[2])).toEqual(
			expect.arrayContaining([expect.stringMatching(/"journal"/), expect.stringMatching(/"year"/)]),
		);
		const jones = byKey('jones2009pain');
		expect(jones.map((d) => d[2])).toEqual([expect.stringMatching(/no "author" field/)]);
	});
});
