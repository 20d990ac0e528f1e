/**
 * Reading grade of plain-language text by three formulas (wooorm's flesch-kincaid, smog-formula,
 * coleman-liau, with syllable counts from `syllable`). Those packages take counts, not text, so the
 * counting lives here: sentences per block, words, syllables, polysyllabic words and letters.
 */
import { fleschKincaid } from 'flesch-kincaid';
import { smogFormula } from 'smog-formula';
import { colemanLiau } from 'coleman-liau';
import { syllable } from 'syllable';

export interface ReadabilityCounts {
	[count: string]: number;
	sentence: number;
	word: number;
	syllable: number;
	polysillabicWord: number;
	letter: number;
}

export interface Readability {
	counts: ReadabilityCounts;
	fleschKincaid: number;
	smog: number;
	colemanLiau: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;

/**
 * Counts blocks of text (paragraphs, list items). A block that does not end in . ! or ? still ends a
 * sentence: a bullet point is read as one.
 */
export function countText(blocks: readonly string[]): ReadabilityCounts {
	const counts: ReadabilityCounts = {
		sentence: 0,
		word: 0,
		syllable: 0,
		polysillabicWord: 0,
		letter: 0,
	};
	for (const block of blocks) {
		const text = block.replace(/\s+/g, ' ').trim();
		if (!text) continue;
		const sentences = text
			.split(/[.!?]+(?:["”’)]*)(?:\s+|$)/)
			.filter((s) => /[\p{L}\p{N}]/u.test(s));
		counts.sentence += Math.max(1, sentences.length);
		for (const [word] of text.matchAll(WORD)) {
			counts.word++;
			const letters = word.replace(/['’]/g, '');
			counts.letter += letters.length;
			const n = /\p{L}/u.test(word) ? Math.max(1, syllable(letters)) : 1;
			counts.syllable += n;
			if (n >= 3) counts.polysillabicWord++;
		}
	}
	return counts;
}

export function readability(blocks: readonly string[]): Readability {
	const counts = countText(blocks);
	return {
		counts,
		fleschKincaid: fleschKincaid(counts),
		smog: smogFormula(counts),
		colemanLiau: colemanLiau(counts),
	};
}
