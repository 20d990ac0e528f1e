/**
 * The home page's condition chooser: a link to every condition page, shown beside the title on a
 * desktop (the hero's right half was empty) and under the title's buttons on a phone. A reader picks
 * a condition here instead of a "Start with a condition" button that always opened one of them.
 */
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { CONDITIONS, CONDITION_LABELS } from '../../engine/read/taxonomy.ts';

/** The chooser as HTML (Starlight's hero takes raw HTML), links made by `hrefOf` (base path). */
export function conditionChooserHtml(hrefOf: (path: string) => string): string {
	return toHtml(
		h('nav.kpe-choose', { ariaLabelledBy: 'kpe-choose-title' }, [
			h('p.kpe-choose-title', { id: 'kpe-choose-title' }, 'Choose a condition'),
			h(
				'ul',
				CONDITIONS.map((condition) =>
					h('li', [
						h('a', { href: hrefOf(`/conditions/${condition}/`) }, CONDITION_LABELS[condition]),
					]),
				),
			),
		]),
	);
}
