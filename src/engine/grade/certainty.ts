/**
 * GRADE certainty as readers see it: symbols and a word together (never colour or symbols alone),
 * linked to the page that explains the levels, and the wording each level allows.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Certainty } from '../read/page-frontmatter.ts';
import { sitePath } from '../../site/urls.ts';

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

/** A badge: symbols + word, linking to the explanation of that level (under the site's `base`). */
export function certaintyBadge(level: Certainty, base = '/'): Element {
	const { symbols, word } = CERTAINTY_LABELS[level];
	return h(
		'a',
		{
			className: ['kpe-certainty', `kpe-certainty-${level}`],
			href: sitePath(`${GRADING_PAGE}#${level}`, base),
		},
		[
			...(symbols ? [h('span.kpe-certainty-symbols', { ariaHidden: 'true' }, symbols), ' '] : []),
			word,
			h('span.sr-only', ' certainty of evidence'),
		],
	);
}

/** The badge serialised, for components that place it with `set:html`. */
export function renderCertaintyBadge(level: Certainty, base = '/'): string {
	return toHtml(certaintyBadge(level, base));
}
