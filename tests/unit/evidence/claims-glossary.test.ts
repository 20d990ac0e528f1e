import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkProject } from '../../../src/engine/check/check-project.ts';
import { findFirstTerm } from '../../../src/engine/read/glossary.ts';
import { ROOT } from '../../support/paths.ts';

describe('clinic claims and glossary files', () => {
	const evidence = checkProject({ root: join(ROOT, 'tests/fixtures/evidence/invalid-claims') });
	const summary = evidence.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`);

	it('reports an unknown verdict at its line', () => {
		expect(summary).toContainEqual(
			expect.stringMatching(
				/^content\/claims\/01-bad-verdict\.yaml:4 invalid-claim Field "verdict"/,
			),
		);
	});

	it('reports a claim whose explanation cites nothing', () => {
		expect(summary).toContainEqual(
			expect.stringMatching(
				/^content\/claims\/02-no-citation\.yaml:6 invalid-claim The explanation cites no study/,
			),
		);
	});

	it('reports a glossary entry that breaks the schema, at its line', () => {
		expect(summary).toContainEqual(
			'content/glossary.yaml:4 invalid-glossary Field "1.id": Invalid string: must match pattern /^[a-z0-9-]+$/.',
		);
		// A missing field points at the entry that lacks it.
		expect(summary).toContainEqual(
			expect.stringMatching(/^content\/glossary\.yaml:4 invalid-glossary Field "1\.definition"/),
		);
	});

	it('finds the first mention of a term, whole words only, never inside a citation', () => {
		const terms = [{ id: 'placebo', term: 'Placebo', aliases: ['dummy drug'], definition: 'x' }];
		expect(
			findFirstTerm('A placebos trial [@placebo] then a dummy drug.', terms, new Set()),
		).toEqual({
			term: terms[0],
			index: 35,
			length: 10,
		});
		expect(findFirstTerm('A dummy drug.', terms, new Set(['placebo']))).toBeNull();
	});
});
