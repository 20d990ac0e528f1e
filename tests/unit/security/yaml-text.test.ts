/**
 * Facts, claims and glossary YAML: markup is refused where the text is shown as a heading or link,
 * invisible characters where it identifies or links, and over-long glossary terms are an error at
 * their line (they used to become one huge regular expression and crash the build).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadClaims } from '../../../src/engine/read/claims.ts';
import { loadFacts } from '../../../src/engine/read/facts.ts';
import { findFirstTerm, loadGlossary, TERM_MAX } from '../../../src/engine/read/glossary.ts';

const root = mkdtempSync(join(tmpdir(), 'kpe-yaml-text-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, lines: string[]): string {
	const full = join(root, path);
	mkdirSync(join(full, '..'), { recursive: true });
	writeFileSync(full, lines.join('\n'));
	return full;
}

const definition = 'A word a patient meets on this site, explained simply.';

describe('glossary', () => {
	it(`refuses a term longer than ${TERM_MAX} characters at its line, even 100 KB long`, () => {
		const path = write('long/glossary.yaml', [
			'- id: ok',
			'  term: Fine term',
			`  definition: ${definition}`,
			'- id: huge',
			`  term: ${'ketamine '.repeat(11_000).trim()}`,
			`  definition: ${definition}`,
		]);
		const { diagnostics } = loadGlossary(path, root);
		expect(diagnostics).toHaveLength(1);
		expect(diagnostics[0]).toMatchObject({
			code: 'invalid-glossary',
			file: 'long/glossary.yaml',
			line: 5,
		});
		expect(diagnostics[0]!.message).toContain(`at most ${TERM_MAX} characters`);
	});

	it('refuses markup in a term and invisible characters in an alias, at their lines', () => {
		const path = write('markup/glossary.yaml', [
			'- id: probe',
			'  term: "<b>Probe</b>"',
			'  aliases: ["pro\u202Ebe"]',
			`  definition: ${definition} Results like p<0.05 are fine here.`,
		]);
		const { diagnostics } = loadGlossary(path, root);
		expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
			['markup-in-field', 2],
			['invisible-character', 3],
		]);
	});

	it('matches terms as plain text: regex characters are literal, whole words only, any case', () => {
		const term = (t: string) => ({ id: 'x', term: t, aliases: [], definition });
		expect(findFirstTerm('Ketamine (S+) is used', [term('(S+)')], new Set())?.index).toBe(9);
		expect(findFirstTerm('abc a.c', [term('a.c')], new Set())?.index).toBe(4);
		expect(findFirstTerm('NMDA-receptor and nmda', [term('NMDA')], new Set())?.index).toBe(18);
		// "İ" lower-cases to two code units; offsets after it must still point at the term.
		expect(findFirstTerm('İİ then infusion', [term('Infusion')], new Set())?.index).toBe(8);
	});
});

describe('claims and facts', () => {
	it('refuses markup in a claim (it is a heading) but not in its explanation', () => {
		write('claims/01-a.yaml', [
			'id: a-claim',
			'order: 1',
			'claim: "Ketamine works <script>alert(1)</script>"',
			'verdict: unknown',
			'certainty: very-low',
			'explanation: "No trial measured it (p<0.05 is shown as text) [@smith2020exercise]."',
			'answer: No trial measured it.',
		]);
		const { diagnostics } = loadClaims(join(root, 'claims'), root);
		expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
			['markup-in-field', 'claims/01-a.yaml', 3],
		]);
	});

	it('refuses an invisible character in a facts source URL', () => {
		write('facts/smith2020exercise.yaml', [
			'key: smith2020exercise',
			'verified: true',
			'design: rct',
			'n: 10',
			'result: Pain fell more with ketamine (p<0.05).',
			'sources:',
			'  - "https://doi.org/10.1000/\u200Bxyz"',
		]);
		const { diagnostics } = loadFacts(join(root, 'facts'), ['smith2020exercise'], root);
		expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['invisible-character', 7]]);
		expect(diagnostics[0]!.message).toContain('U+200B ZERO WIDTH SPACE');
	});
});
