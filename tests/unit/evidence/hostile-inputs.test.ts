/**
 * Inputs an editor can write wrong, each refused by the evidence check at its file and line with
 * what is wrong and the fix (never first in the build, never at 0:0), or handled correctly. One
 * fixture per kind of input in tests/fixtures/evidence/<scenario>/.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/lib/evidence/check-project.ts';
import type { Diagnostic } from '../../../src/lib/evidence/diagnostics.ts';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../fixtures/evidence/${name}/`, import.meta.url));

/** Each problem as `file:line code key: message`, for whole-list assertions. */
const problems = (name: string) =>
	checkProject({ root: fixture(name) }).diagnostics.map(
		(d: Diagnostic) => `${d.file}:${d.line} ${d.code} ${d.key ?? '-'}: ${d.message}`,
	);

const find = (name: string, code: string, message: RegExp) => {
	const d = checkProject({ root: fixture(name) }).diagnostics.find(
		(x) => x.code === code && message.test(x.message),
	);
	expect(d, `${code} ${message} in ${name}`).toBeDefined();
	return d!;
};

describe('unfinished facts', () => {
	it('names each field still TODO on its own line (the stub with only design and n filled in)', () => {
		const found = problems('unfinished-facts').filter((p) => p.includes('jones2019trial'));
		expect(found).toEqual(
			[
				[7, 'route'],
				[8, 'regimen'],
				[9, 'comparator'],
				[10, 'followUp'],
				[11, 'outcome'],
				[12, 'result'],
				[13, 'adverseEffects'],
			].map(
				([line, field]) =>
					`references/facts/jones2019trial.yaml:${line} unfinished-facts jones2019trial: Field "${field}" is still TODO: nothing unfinished is published.`,
			),
		);
	});

	it('names each required field that is missing, and offers its stub line again', () => {
		const d = find('unfinished-facts', 'unfinished-facts', /Field "design" is missing/);
		expect(d.file).toBe('references/facts/smith2020exercise.yaml');
		expect(d.hint).toContain('design: TODO');
		expect(d.hint).toContain('meta-analysis');
		find('unfinished-facts', 'unfinished-facts', /Field "n" is missing/);
	});

	it('reports an empty facts file as empty, with the whole stub', () => {
		const d = find('empty-facts', 'unfinished-facts', /The file is empty/);
		expect([d.file, d.line, d.column]).toEqual(['references/facts/jones2019trial.yaml', 1, 1]);
		expect(d.hint).toContain('key: jones2019trial');
		expect(d.hint).toContain('result: TODO');
	});

	it('refuses facts that say nothing about what the study found', () => {
		const d = find('empty-facts', 'unfinished-facts', /neither `result` nor `keyFacts`/);
		expect(d.file).toBe('references/facts/smith2020exercise.yaml');
	});

	it('refuses `conditions: []` with no topic: the study would be on no page', () => {
		const d = find('empty-facts', 'unfinished-facts', /placed on no page/);
		expect([d.file, d.line]).toEqual(['references/facts/smith2020exercise.yaml', 4]);
		expect(d.hint).toContain('BibTeX `keywords` do not place a study');
	});

	it('keeps no facts from an unfinished file', () => {
		expect(checkProject({ root: fixture('unfinished-facts') }).facts.byKey.size).toBe(0);
		expect(checkProject({ root: fixture('empty-facts') }).facts.byKey.size).toBe(0);
	});
});
