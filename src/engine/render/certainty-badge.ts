/** The certainty badge: symbols and a word, linking to where the levels are explained. */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Certainty } from '../read/page-frontmatter.ts';
import { CERTAINTY_LABELS, GRADING_PAGE } from '../grade/certainty.ts';
import { sitePath } from './urls.ts';

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
