/** The certainty badge: symbols and a word, linking to where the levels are explained. */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Certainty } from '../read/page-frontmatter.ts';
import { CERTAINTY_LABELS, GRADING_PAGE } from '../grade/certainty.ts';
import { sitePath } from './urls.ts';

/**
 * A badge: symbols + word, linking to the explanation of that level (under the site's `base`). One
 * element (pages hold dozens of badges): its name for screen readers is the word and "certainty of
 * evidence", without the symbols, which only repeat the word.
 */
export function certaintyBadge(level: Certainty, base = '/'): Element {
	const { symbols, word } = CERTAINTY_LABELS[level];
	return h(
		'a',
		{
			className: ['kpe-certainty', `kpe-certainty-${level}`],
			href: sitePath(`${GRADING_PAGE}#${level}`, base),
			ariaLabel: `${word} certainty of evidence`,
		},
		symbols ? `${symbols} ${word}` : word,
	);
}

/** The badge serialised, for components that place it with `set:html`. */
export function renderCertaintyBadge(level: Certainty, base = '/'): string {
	return toHtml(certaintyBadge(level, base));
}
