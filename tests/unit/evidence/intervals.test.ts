/** Confidence intervals read out of free text: the forms the library writes, and what is left alone. */
import { describe, expect, it } from 'vitest';
import { intervalProblems } from '../../../src/engine/read/intervals.ts';

const problems = (text: string) => intervalProblems(text).map((p) => p.message);

describe('intervalProblems', () => {
	it.each([
		'risk ratio 3.26, 95% CI 1.05 to 10.09',
		'mean difference -1.12 on 0-10, 95% CI -2.33 to 0.09',
		'RR 4.06, 95% CI 1.18-13.95',
		'RR 4.06 (95% CI 1.18–13.95)',
		'69% (95% CI 53-84%)',
		'difference -15.79 (95% CI -32.09 to 0.51)',
	])('accepts %s', (text) => {
		expect(problems(text)).toEqual([]);
	});

	it.each([
		['95% CI 1.5 to -4.8', /written backwards: its lower bound \(1\.5\)/],
		['RR 4.06, 95% CI 13.95-1.18', /written backwards: its lower bound \(13\.95\)/],
		['RR 0.5 (95% CI 1.18–13.95)', /estimate 0\.5 lies outside its interval 1\.18 to 13\.95/],
		['MD -0.2, 95% CI 0.1 to 0.3', /estimate -0\.2 lies outside/],
	])('refuses %s', (text, message) => {
		expect(problems(text)).toEqual([expect.stringMatching(message)]);
	});

	it('leaves a dashed interval with a signed lower bound alone (the dash could be a minus sign)', () => {
		expect(problems('MD -1 (95% CI -3-1)')).toEqual([]);
	});
});
