import { describe, expect, it } from 'vitest';
import {
	claimedLevels,
	sentences,
	statedLevel,
	wordingMismatches,
} from '../../src/engine/check/certainty-wording.ts';

describe('certainty wording, sentence by sentence', () => {
	it('splits sentences but not decimals, ranges or "vs"', () => {
		expect(
			sentences('Pain fell (NRS 2.68 vs 5.45). It is uncertain whether it lasts. 3 of 6 had harm.'),
		).toEqual([
			'Pain fell (NRS 2.68 vs 5.45).',
			'It is uncertain whether it lasts.',
			'3 of 6 had harm.',
		]);
	});

	it('reads the level each GRADE 26 phrase claims', () => {
		expect(claimedLevels('Ketamine may reduce pain.')).toEqual(['low']);
		expect(claimedLevels('Ketamine probably reduces pain.')).toEqual(['moderate']);
		expect(
			claimedLevels('It is uncertain whether it helps because the evidence is very uncertain.'),
		).toEqual(['very-low']);
		expect(claimedLevels('Ketamine reduced pain in one trial.')).toEqual([]);
		expect(statedLevel('It lowered morphine use (low certainty).')).toBe('low');
		// An inline badge as shown: its symbols and word.
		expect(statedLevel('It may increase adverse events ⊕⊕◯◯ Low.')).toBe('low');
		expect(statedLevel('It is very uncertain ⊕◯◯◯ Very low.')).toBe('very-low');
		expect(statedLevel('Low doses were used.')).toBeNull();
	});

	it('flags "may reduce" beside a Very low badge (the CRPS bottom line) and passes matching wording', () => {
		const crps =
			'Multi-day IV ketamine may reduce CRPS pain for some weeks. It is uncertain whether any benefit remains because the evidence is very uncertain.';
		expect(wordingMismatches('very-low', crps)).toEqual([
			{
				sentence: 'Multi-day IV ketamine may reduce CRPS pain for some weeks.',
				badge: 'very-low',
				claimed: 'low',
			},
		]);
		expect(
			wordingMismatches('low', 'Ketamine may reduce pain. It may make little difference.'),
		).toEqual([]);
		expect(wordingMismatches('moderate', 'Ketamine probably reduces pain.')).toEqual([]);
		expect(wordingMismatches('very-low', 'It is uncertain whether it helps.')).toHaveLength(1);
		expect(wordingMismatches('not-graded', 'It may help.')).toEqual([]);
	});

	it('accepts a sentence that states its own certainty', () => {
		expect(
			wordingMismatches('very-low', 'Ketamine may reduce pain at 1 week (low certainty).'),
		).toEqual([]);
	});
});
