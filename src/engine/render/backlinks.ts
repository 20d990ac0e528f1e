/**
 * A reference-list entry's back-links to the places it is cited: what each says and where it goes,
 * as plain data, so the reference list (render.ts) and the script that unfolds "cited N times" in
 * the browser (src/scripts/backlinks.ts) write the same links.
 */

/** The id of the n-th citation cluster on a page, which back-links return to. */
export const citeId = (n: number) => `cite-${n}`;

/** How many back-links an entry shows before the rest fold away under "cited N times". */
export const BACKLINKS_SHOWN = 3;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * `12` → `¹²`: a back-link's place number in superscript characters, so that the link is one
 * element (a `<sup>` in each would double the elements of a long reference list; the link's
 * accessible name is its label, which spells the place out).
 */
const superscript = (n: number) =>
	[...String(n)].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('');

export interface Backlink {
	/** `#cite-12`: the cluster it returns to. */
	href: string;
	/** What a screen reader says: "Back to citation 3, place 2 in the text". */
	label: string;
	/** What the link shows: `↩²`, or `↩` for an entry cited once. */
	text: string;
}

/**
 * The back-link of reference `reference` (its number in the list) to `place` (1-based) of the
 * `places` it is cited at, which returns to cluster `cluster`.
 */
export function backlink(
	reference: number,
	place: number,
	places: number,
	cluster: number,
): Backlink {
	const many = places > 1;
	return {
		href: `#${citeId(cluster)}`,
		label: `Back to citation ${reference}${many ? `, place ${place}` : ''} in the text`,
		text: `↩${many ? superscript(place) : ''}`,
	};
}
