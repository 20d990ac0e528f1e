/**
 * Sentence by sentence, the certainty a statement's wording claims (GRADE guideline 26: high
 * "reduces", moderate "probably reduces", low "may reduce", very low "it is uncertain whether …
 * because the evidence is very uncertain"), so a page can be checked against the certainty badge
 * printed beside it. A reader takes "may reduce" next to a "Very low" badge as low certainty.
 */
import type { Certainty } from '../read/page-frontmatter.ts';

/** Splits prose into sentences: at ". ", "! " or "? " before a capital, digit or opening mark. */
export function sentences(text: string): string[] {
	return text
		.replace(/\s+/g, ' ')
		.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/**
 * The levels a sentence's wording claims: "may" → low, "probably" → moderate, "uncertain" or
 * "unclear" together with "very uncertain" → very low. A sentence can claim several (one clause
 * "may", the next "uncertain"). Sentences without these words claim none.
 */
export function claimedLevels(sentence: string): Certainty[] {
	const text = sentence.toLowerCase();
	const levels: Certainty[] = [];
	if (/\bmay\b/.test(text)) levels.push('low');
	if (/\bprobably\b/.test(text)) levels.push('moderate');
	if (/\b(uncertain|unclear)\b/.test(text)) levels.push('very-low');
	return levels;
}

/**
 * A certainty a sentence states for itself: "(low certainty)", or an inline badge as it is shown
 * ("⊕⊕◯◯ Low": its symbols, then its word).
 */
export function statedLevel(sentence: string): Certainty | null {
	const m =
		/\b(very low|low|moderate|high) certainty\b/i.exec(sentence) ??
		/[⊕◯]{4} (very low|low|moderate|high)\b/i.exec(sentence);
	return m ? (m[1]!.toLowerCase().replace(' ', '-') as Certainty) : null;
}

export interface WordingMismatch {
	sentence: string;
	/** The level the badge (or the sentence itself) states. */
	badge: Certainty;
	/** The level the sentence's wording claims instead. */
	claimed: Certainty;
}

/**
 * Every sentence whose certainty wording differs from the badge it sits beside (or from the level
 * the sentence states for itself). "Very low" also needs "very uncertain" in the same sentence.
 */
export function wordingMismatches(badge: Certainty, text: string): WordingMismatch[] {
	if (badge === 'not-graded') return [];
	const out: WordingMismatch[] = [];
	for (const sentence of sentences(text)) {
		const level = statedLevel(sentence) ?? badge;
		for (const claimed of claimedLevels(sentence)) {
			if (claimed !== level) out.push({ sentence, badge: level, claimed });
			else if (claimed === 'very-low' && !/very uncertain/i.test(sentence))
				out.push({ sentence, badge: level, claimed: 'low' });
		}
	}
	return out;
}

/** The words each level needs somewhere in a statement (GRADE guideline 26). */
const NEEDED: Record<Exclude<Certainty, 'not-graded'>, { test: RegExp; words: string } | null> = {
	high: null,
	moderate: { test: /\bprobably\b/i, words: '"probably" ("probably reduces")' },
	low: { test: /\bmay\b/i, words: '"may" ("may reduce")' },
	'very-low': {
		test: /\b(uncertain|unclear)\b[\s\S]*very uncertain|very uncertain/i,
		words: '"It is uncertain whether … because the evidence is very uncertain"',
	},
};

/**
 * The site's one wording rule (GRADE guideline 26), used by `npm run check` on every
 * summary-of-findings row and by the tests on every badge's sentence: the statement carries its
 * level's words ("results in", "probably", "may", "very uncertain"), and no sentence claims another
 * level. High certainty is stated plainly. Returns each problem, empty when the wording fits.
 */
export function wordingProblems(level: Certainty, statement: string): string[] {
	if (level === 'not-graded') return [];
	const problems: string[] = [];
	const needed = NEEDED[level];
	if (needed && !needed.test.test(statement))
		problems.push(
			`${level === 'very-low' ? 'Very low' : level[0]!.toUpperCase() + level.slice(1)} certainty needs ${needed.words}.`,
		);
	if (level === 'high' && claimedLevels(statement).length)
		problems.push('High certainty is stated plainly ("reduces"), without "may" or "probably".');
	else
		for (const m of wordingMismatches(level, statement))
			problems.push(
				`"${m.sentence}" reads as ${m.claimed.replace('-', ' ')} certainty, but the rating is ${m.badge.replace('-', ' ')}.`,
			);
	return problems;
}
