/**
 * GRADE certainty as readers see it: symbols and a word together (never colour or symbols alone),
 * linked to the page that explains the levels, and the wording each level allows.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Certainty } from '../page-frontmatter.ts';

export const CERTAINTY_LABELS: Record<
	Certainty,
	{ symbols: string; word: string; meaning: string }
> = {
	high: {
		symbols: '⊕⊕⊕⊕',
		word: 'High',
		meaning: 'We are very confident the true effect is close to this estimate.',
	},
	moderate: {
		symbols: '⊕⊕⊕◯',
		word: 'Moderate',
		meaning:
			'The true effect is probably close to this estimate, but it may be substantially different.',
	},
	low: {
		symbols: '⊕⊕◯◯',
		word: 'Low',
		meaning: 'Our confidence is limited: the true effect may be substantially different.',
	},
	'very-low': {
		symbols: '⊕◯◯◯',
		word: 'Very low',
		meaning:
			'We have very little confidence: the true effect is likely to be substantially different.',
	},
	'not-graded': {
		symbols: '',
		word: 'Not graded',
		meaning: 'The library holds too little evidence on this outcome to grade it.',
	},
};

/** Where the levels are explained. */
export const GRADING_PAGE = '/about/how-we-grade/';

/**
 * A badge: symbols + word, linking to the explanation of that level. One element (pages hold dozens
 * of badges): its name for screen readers is the word and "certainty of evidence", without the
 * symbols, which only repeat the word.
 */
export function certaintyBadge(level: Certainty): Element {
	const { symbols, word } = CERTAINTY_LABELS[level];
	return h(
		'a',
		{
			className: ['kpe-certainty', `kpe-certainty-${level}`],
			href: `${GRADING_PAGE}#${level}`,
			ariaLabel: `${word} certainty of evidence`,
		},
		symbols ? `${symbols} ${word}` : word,
	);
}

/** The badge serialised, for components that place it with `set:html`. */
export function renderCertaintyBadge(level: Certainty): string {
	return toHtml(certaintyBadge(level));
}
