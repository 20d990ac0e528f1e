/**
 * The plain answer that opens each clinic claim (content/claims/*.yaml `answer`): one short sentence
 * a patient can read, checked like the plain-language layers of the condition pages.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkProject } from '../../src/engine/check/check-project.ts';
import { loadClaims } from '../../src/engine/read/claims.ts';
import { claimAnswerText } from '../../src/engine/render/claims-render.ts';
import { readability } from '../support/readability.ts';
import { ROOT } from '../support/paths.ts';

const { claims, diagnostics } = loadClaims(join(ROOT, 'content/claims'), ROOT);

describe('plain answers to clinic claims', () => {
	it('every claim file has one, and the files have no problems', () => {
		expect(diagnostics).toEqual([]);
		expect(claims.length).toBeGreaterThanOrEqual(13);
		for (const { claim } of claims) expect(claim.answer, claim.id).toMatch(/^\p{Lu}.{9,}\.$/u);
	});

	it('read at grade 8 or below (Flesch-Kincaid, SMOG, Coleman-Liau)', () => {
		const r = readability(claims.map(({ claim }) => claim.answer));
		const figures = `FK ${r.fleschKincaid.toFixed(1)}, SMOG ${r.smog.toFixed(1)}, CL ${r.colemanLiau.toFixed(1)}`;
		expect(r.fleschKincaid, figures).toBeLessThanOrEqual(8);
		expect(r.smog, figures).toBeLessThanOrEqual(8);
		expect(r.colemanLiau, figures).toBeLessThanOrEqual(8);
	});

	it('cite every study the explanation cites, and nothing else', () => {
		const ten = claims.find(({ claim }) => claim.id === 'six-infusion-course')!.claim;
		expect(claimAnswerText(ten)).toBe(
			`${ten.answer} [@lan2022pretreatment; @kvarnstrom2003effectiveness; @noppers2011absence; @kvarnstrom2004analgesic; @schwartzman2009outpatient; @sigtermans2009ketamine; @mangnus2021effect; @kiefer2008pilot; @maher2017intravenous; @mangnus2021ketamine]`,
		);
	});

	it('an answer of two sentences, too long or citing is refused at its line, with the rule', () => {
		const evidence = checkProject({ root: join(ROOT, 'tests/fixtures/evidence/invalid-claims') });
		const problems = evidence.diagnostics
			.filter((d) => d.file.endsWith('03-long-answer.yaml'))
			.map((d) => `${d.file}:${d.line} ${d.message}`);
		expect(problems).toEqual([
			'content/claims/03-long-answer.yaml:6 Field "answer": one sentence only (the explanation says the rest).',
			'content/claims/03-long-answer.yaml:6 Field "answer": no citations (the page cites the explanation\'s studies).',
		]);
	});
});
