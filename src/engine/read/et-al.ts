/**
 * BibTeX's `and others` (or `and {others}`) means "and further authors": "et al.". citation-js reads
 * it as a person whose family name is "others", which every style and export would then print as an
 * author ("Ferraro MC, others."). The library keeps the named authors and marks the item instead,
 * and each output says "et al." in its own way: Vancouver and previews print it, BibTeX writes
 * `and others` back, RIS (which has no such marker) says so in a note.
 */
import type { CslItem } from './library.ts';

/** Set on a CSL item whose author list ends in BibTeX's `others`. */
export const ET_AL = 'kpe-et-al';

/** The CSL "person" citation-js makes from `others` or `{others}`. */
function isOthers(person: { family?: string; given?: string; literal?: string }): boolean {
	const name = (person.literal ?? (person.given ? '' : person.family) ?? '').trim();
	return name.toLowerCase() === 'others';
}

/** The item without the `others` person, marked `et al.` when it had one. */
export function markEtAl(csl: CslItem): CslItem {
	const authors = csl.author;
	if (!authors?.some(isOthers)) return csl;
	return { ...csl, author: authors.filter((a) => !isOthers(a)), [ET_AL]: true };
}

/** Whether the source lists more authors than the item names. */
export function hasEtAl(csl: CslItem): boolean {
	return csl[ET_AL] === true;
}

/** The item without the marker, for libraries that would print an unknown field. */
export function withoutEtAlMarker(csl: CslItem): CslItem {
	const { [ET_AL]: _marker, ...rest } = csl;
	return rest as CslItem;
}
