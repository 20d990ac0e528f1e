import { describe, expect, it } from 'vitest';
import { countText, readability } from '../support/readability.ts';

describe('readability', () => {
	it('counts sentences per block, words, syllables and letters', () => {
		const counts = countText(['The cat sat. The dog ran!', 'A bullet without a stop']);
		expect(counts.sentence).toBe(3);
		expect(counts.word).toBe(11);
		expect(counts.letter).toBe(
			'Thecatsat'.length + 'Thedogran'.length + 'Abulletwithoutastop'.length,
		);
	});

	it('grades simple text low and dense clinical text high', () => {
		const simple = readability(['The drip helped for a few hours. Then the pain came back.']);
		const dense = readability([
			'Subanaesthetic intravenous ketamine administration demonstrated statistically significant analgesic efficacy immediately postinfusion, notwithstanding considerable methodological heterogeneity.',
		]);
		for (const formula of ['fleschKincaid', 'smog', 'colemanLiau'] as const) {
			expect(simple[formula]).toBeLessThan(6);
			expect(dense[formula]).toBeGreaterThan(14);
		}
	});
});
