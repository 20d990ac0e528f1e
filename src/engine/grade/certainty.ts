/**
 * GRADE certainty as readers see it: symbols and a word together (never colour or symbols alone),
 * and what each level means (the badge that links to it: render/certainty-badge.ts).
 */
import type { Certainty } from '../read/page-frontmatter.ts';

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
