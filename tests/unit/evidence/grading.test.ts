/**
 * GRADE arithmetic, counting people once, and the absolute effects of summary-of-findings rows:
 * one fixture per kind of grading error (tests/fixtures/evidence/grading-<code>/), the three rows the
 * audit found double-counted, and property tests for the arithmetic.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/engine/check/check-project.ts';
import { formatDiagnostic } from '../../../src/engine/problems/diagnostics.ts';
import {
	absoluteEffect,
	newcombe,
	oddsToRiskRatio,
} from '../../../src/engine/grade/absolute-effects.ts';
import {
	computeCertainty,
	NOT_GRADED_RULE,
	countPeople,
	peopleLabel,
	type PeopleCount,
} from '../../../src/engine/grade/grading.ts';
import { loadFacts } from '../../../src/engine/read/facts.ts';
import { outcomeSchema, type Outcome } from '../../../src/engine/read/page-frontmatter.ts';
import { wordingProblems } from '../../../src/engine/check/certainty-wording.ts';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../fixtures/evidence/${name}/`, import.meta.url));

describe('one fixture per kind of grading error', () => {
	const cases = [
		[
			'certainty-mismatch',
			8,
			/states "low", but its own grading gives "moderate" \(randomised: high; imprecision −1 → moderate\)/,
			'Set `certainty: moderate`',
		],
		[
			'inconsistency-outside-row',
			13,
			/names jones2019trial, which is not among the row's studies/,
			'Add jones2019trial to the row',
		],
		[
			'graded-without-study',
			8,
			/none of its studies can carry a rating: doe2021case \(case-report\)/,
			'certainty: not-graded',
		],
		['invalid-grading', 8, /does not say where its rating starts/, 'start: randomised'],
		['certainty-wording', 7, /Low certainty needs "may"/, 'GRADE guideline 26'],
		['invalid-counts', 10, /has no count "relif".*\(it has: relief\)/, 'not reported as counts'],
	] as const;
	it.each(cases)(
		'%s: one diagnostic at the row, naming domains and the fix',
		(code, line, message, hint) => {
			const { diagnostics } = checkProject({ root: fixture(`grading-${code}`) });
			expect(diagnostics.map((d) => d.code)).toEqual([code]);
			const [d] = diagnostics;
			expect(d!.file).toBe('content/page.mdx');
			expect(d!.line).toBe(line);
			expect(d!.message).toMatch(message);
			expect(d!.hint).toContain(hint);
			expect(formatDiagnostic(d!)).toContain(`see: CONTRIBUTING.md#${code}`);
		},
	);

	it('refuses a picture of an outcome that has no counts, at the directive', () => {
		const { diagnostics } = checkProject({ root: fixture('grading-invalid-picture') });
		expect(diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual([
			'invalid-counts content/page.mdx:22',
		]);
		expect(diagnostics[0]!.message).toContain('this page has 1 outcome');
	});

	it('passes a row whose grading adds up', () => {
		expect(checkProject({ root: fixture('grading-valid') }).diagnostics).toEqual([]);
	});
});

const row = (fields: Partial<Outcome>): Outcome =>
	outcomeSchema.parse({
		outcome: 'Pain',
		studies: ['a'],
		effect: 'It may reduce pain.',
		certainty: 'low',
		...fields,
	});

describe('computeCertainty', () => {
	it('starts randomised evidence high and observational low, subtracts downgrades, adds upgrades, stops at very low', () => {
		const down = (reason: 'imprecision' | 'risk-of-bias', levels: 1 | 2) => ({
			reason,
			levels,
			note: 'Why.',
		});
		expect(computeCertainty(row({ start: 'randomised' }))!.certainty).toBe('high');
		expect(computeCertainty(row({ start: 'observational' }))!.certainty).toBe('low');
		expect(
			computeCertainty(
				row({ start: 'randomised', downgrades: [down('imprecision', 2), down('risk-of-bias', 2)] }),
			)!.certainty,
		).toBe('very-low');
		expect(
			computeCertainty(
				row({
					start: 'observational',
					upgrades: [{ reason: 'large-effect', levels: 2, note: 'RR above 5.' }],
				}),
			)!.certainty,
		).toBe('high');
		expect(computeCertainty(row({ certainty: 'not-graded' }))).toBeNull();
	});

	it('takes an adopted review rating as it stands', () => {
		const adopted = row({ adopts: { review: 'a', certainty: 'very-low', note: 'Their rating.' } });
		expect(computeCertainty(adopted)).toEqual({
			certainty: 'very-low',
			working: "adopts a's own rating: very low",
		});
	});
});

describe('the site rows add up (every page)', () => {
	it('every graded row states the certainty its grading gives', () => {
		const { diagnostics } = checkProject({
			root: fileURLToPath(new URL('../../../', import.meta.url)),
		});
		expect(diagnostics.map(formatDiagnostic)).toEqual([]);
	});
});

/** The rows the audit found counting people twice, as the site states them now. */
describe('counting people once', () => {
	const root = fileURLToPath(new URL('../../../', import.meta.url));
	const facts = loadFacts(`${root}references/facts`, [], root).byKey;
	const outcomes = (page: string): Outcome[] => {
		const source = readFileSync(`${root}content/conditions/${page}.mdx`, 'utf8');
		const front = parse(source.split(/^---$/m)[1]!) as { outcomes: unknown[] };
		return front.outcomes.map((o) => outcomeSchema.parse(o));
	};
	const years: Record<string, number> = {
		noppers2011absence: 2011,
		gravennielsen2000ketamine: 2000,
		decarvalho2024ketamine: 2024,
		guimaraespereira2022efficacy: 2022,
		pickering2020ketamine: 2020,
		amr2010multi: 2010,
	};
	const count = (outcome: Outcome): PeopleCount =>
		countPeople(outcome.studies.map((key) => ({ facts: facts.get(key)!.facts, year: years[key] })));

	it('fibromyalgia row 1: 24 in the trial plus the 15 compared in the responder study, not 53', () => {
		const c = count(outcomes('fibromyalgia')[0]!);
		expect(c).toEqual({ studies: 2, people: 39, unknown: 0, overlapping: false });
		expect(peopleLabel(c)).toBe('2 studies (39)');
	});

	it('fibromyalgia row 4: the trial may be inside the review, so 115 counted once, overlapping (not 139)', () => {
		const c = count(outcomes('fibromyalgia')[3]!);
		expect(peopleLabel(c)).toBe('2 studies (at least 115; overlapping)');
	});

	it('neuropathic row 4: the pooled 706 once, the trials it probably holds not added (not 766)', () => {
		const c = count(outcomes('neuropathic-pain')[3]!);
		expect(peopleLabel(c)).toBe('3 studies (at least 706; overlapping)');
	});

	it('a study a review is known to include adds no one, and the row is not marked overlapping', () => {
		const review = {
			...facts.get('decarvalho2024ketamine')!.facts,
			includes: ['noppers2011absence'],
		};
		const c = countPeople([
			{ facts: review, year: 2024 },
			{ facts: facts.get('noppers2011absence')!.facts, year: 2011 },
		]);
		expect(c).toEqual({ studies: 2, people: 115, unknown: 0, overlapping: false });
	});
});

describe('one wording rule (GRADE guideline 26)', () => {
	it('asks each level for its words and refuses another level’s words', () => {
		expect(wordingProblems('high', 'Ketamine reduces pain.')).toEqual([]);
		expect(wordingProblems('high', 'Ketamine may reduce pain.')).toHaveLength(1);
		expect(wordingProblems('moderate', 'Ketamine probably reduces pain.')).toEqual([]);
		expect(wordingProblems('moderate', 'Ketamine reduces pain.')).toHaveLength(1);
		expect(wordingProblems('low', 'Ketamine may reduce pain.')).toEqual([]);
		expect(wordingProblems('low', 'Ketamine probably reduces pain.').length).toBeGreaterThan(0);
		expect(
			wordingProblems(
				'very-low',
				'It is uncertain whether ketamine reduces pain because the evidence is very uncertain.',
			),
		).toEqual([]);
		expect(wordingProblems('very-low', 'Ketamine may reduce pain.').length).toBeGreaterThan(0);
		expect(wordingProblems('not-graded', 'It may help.')).toEqual([]);
	});
});

describe('absolute effects', () => {
	it('works the Visual Rx example: control risk 15.9 %, RR 0.70 → 11.1 %, 48 fewer per 1,000', () => {
		const effect = absoluteEffect({
			id: 'x',
			outcome: 'x',
			from: 'result',
			control: { percent: 15.9 },
			relative: { measure: 'RR', estimate: 0.7, low: 0.6, high: 0.8 },
		})!;
		expect(effect.ketamineRisk).toBeCloseTo(0.1113, 4);
		expect(effect.differencePer1000).toBeCloseTo(-47.7, 1);
		expect(effect.interval![0]).toBeCloseTo(-63.6, 1);
	});

	it('from arm counts: 7 of 12 vs 2 of 12 is 583 vs 167 per 1,000, no interval for a crossover', () => {
		const count = {
			id: 'x',
			outcome: 'x',
			from: 'result' as const,
			ketamine: { events: 7, total: 12 },
			control: { events: 2, total: 12 },
		};
		const paired = absoluteEffect(count, false)!;
		expect(Math.round(paired.ketamineRisk * 1000)).toBe(583);
		expect(Math.round(paired.controlRisk * 1000)).toBe(167);
		expect(paired.interval).toBeNull();
		expect(absoluteEffect(count)!.interval).not.toBeNull();
	});

	const risk = fc.double({ min: 0.001, max: 0.999, noNaN: true });
	const ratio = fc.double({ min: 0.05, max: 20, noNaN: true });

	it('risk with ketamine = CR × RR, and the difference keeps the order of the RR interval', () => {
		fc.assert(
			fc.property(risk, ratio, ratio, ratio, (cr, a, b, c) => {
				const [low, estimate, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
				const effect = absoluteEffect({
					id: 'x',
					outcome: 'x',
					from: 'result',
					control: { percent: cr * 100 },
					relative: { measure: 'RR', estimate, low, high },
				})!;
				expect(effect.ketamineRisk).toBeCloseTo(cr * estimate, 9);
				expect(effect.differencePer1000).toBeCloseTo(1000 * cr * (estimate - 1), 6);
				expect(effect.interval![0]).toBeLessThanOrEqual(effect.differencePer1000 + 1e-9);
				expect(effect.differencePer1000).toBeLessThanOrEqual(effect.interval![1] + 1e-9);
			}),
		);
	});

	it('an odds ratio converted with the control risk gives a risk between 0 and 1, equal to the RR when OR = 1', () => {
		fc.assert(
			fc.property(risk, ratio, (cr, or) => {
				const rr = oddsToRiskRatio(or, cr);
				const ketamine = cr * rr;
				expect(ketamine).toBeGreaterThan(0);
				expect(ketamine).toBeLessThan(1);
				// The odds with ketamine are the control odds times the OR.
				expect(ketamine / (1 - ketamine)).toBeCloseTo((cr / (1 - cr)) * or, 6);
			}),
		);
		expect(oddsToRiskRatio(1, 0.3)).toBe(1);
	});

	it('Newcombe’s interval holds the observed difference and stays within −1 and 1', () => {
		const arm = fc
			.integer({ min: 1, max: 200 })
			.chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
		fc.assert(
			fc.property(arm, arm, ([e1, n1], [e0, n0]) => {
				const [lo, hi] = newcombe(e1, n1, e0, n0);
				const d = e1 / n1 - e0 / n0;
				expect(lo).toBeLessThanOrEqual(d + 1e-12);
				expect(hi).toBeGreaterThanOrEqual(d - 1e-12);
				expect(lo).toBeGreaterThanOrEqual(-1 - 1e-12);
				expect(hi).toBeLessThanOrEqual(1 + 1e-12);
			}),
		);
	});
});

describe('the one rule for "not graded"', () => {
	it('is written on the how-we-grade page word for word', () => {
		const page = readFileSync(
			fileURLToPath(new URL('../../../content/about/how-we-grade.mdx', import.meta.url)),
			'utf8',
		);
		expect(page).toContain(NOT_GRADED_RULE);
	});
});
