/**
 * "At a glance": the box that opens every condition and topic page, so patients and clinicians see
 * the answer, how sure it is and the key harm on the first screen, then the way into each layer.
 *
 * Its text is the page's own `glance` frontmatter (content/, checked by the schema); the links come
 * from the page's headings as Starlight lists them, so nothing is read back out of rendered HTML.
 */

/** A heading as Starlight's route data lists it. */
export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

/** Where the box links to, if the page has a heading with that id, in this order. */
export const GLANCE_SECTIONS: readonly { id: string; label: string }[] = [
	{ id: 'in-plain-words', label: 'In plain words' },
	{ id: 'for-clinicians', label: 'For clinicians' },
	{ id: 'summary-of-findings', label: 'Summary of findings' },
	{ id: 'side-effects-and-risks', label: 'Side effects' },
];

/** The sections of a page the box links to: only those the page has. */
export function glanceLinks(headings: readonly Heading[]): { href: string; label: string }[] {
	const slugs = new Set(headings.map((h) => h.slug));
	return GLANCE_SECTIONS.filter(({ id }) => slugs.has(id)).map(({ id, label }) => ({
		href: `#${id}`,
		label,
	}));
}
