/**
 * Reading the fields of a CSL item the same way everywhere: the year and date, a person's name
 * with its particle ("de Carvalho") in each form the site writes, and the DOI and PubMed addresses.
 * Pages, metadata, exports and the editor tools all take these from here, so a study is named,
 * dated and linked alike in its reference, its JSON-LD, its Highwire tags and its library key.
 */
import type { CslItem } from './library.ts';

type CslPerson = NonNullable<CslItem['author']>[number];

/** The year an item was issued, or undefined when the record gives none (or not a number above 0). */
export function cslYear(csl: Pick<CslItem, 'issued'>): number | undefined {
	const year = csl.issued?.['date-parts']?.[0]?.[0];
	if (year === undefined || year === null || String(year).trim() === '') return undefined;
	const n = Number(year);
	return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** The issued date as written, year first (`[2011, 3]`); empty when the record has no year. */
export function cslDateParts(csl: Pick<CslItem, 'issued'>): (number | string)[] {
	return cslYear(csl) === undefined ? [] : (csl.issued?.['date-parts']?.[0] ?? []);
}

/** A family name with its particle: "de Carvalho", "van der Berg"; a literal name as written. */
export function familyName(person: {
	family?: string;
	literal?: string;
	[part: string]: unknown;
}): string {
	const particle = person['non-dropping-particle'];
	return (
		person.literal ??
		[typeof particle === 'string' ? particle : '', person.family ?? ''].filter(Boolean).join(' ')
	);
}

/** A whole name in reading order: given names, then the family name with its particle. */
export function personName(person: CslPerson): string {
	if (person.literal) return person.literal;
	const dropping = (person as Record<string, unknown>)['dropping-particle'];
	return [person.given, typeof dropping === 'string' ? dropping : '', familyName(person)]
		.filter(Boolean)
		.join(' ');
}

/** The first author's family name with its particle, or '' when the record names no author. */
export function firstAuthorName(csl: Pick<CslItem, 'author'>): string {
	const first = csl.author?.[0];
	return first ? familyName(first) : '';
}

/** "Noppers I": the family name and the initials of the given names, as a short reference shows. */
export function shortName(person: CslPerson): string {
	if (person.literal) return person.literal;
	const initials = (person.given ?? '')
		.split(/[\s.-]+/)
		.filter(Boolean)
		.map((part) => part[0])
		.join('');
	return [familyName(person), initials].filter(Boolean).join(' ');
}

/** "Family, Given" with the particle kept, as citation_author and RIS expect. */
export function invertedName(person: CslPerson): string {
	if (person.literal) return person.literal;
	return [familyName(person), person.given].filter(Boolean).join(', ');
}

/** A DOI's address at doi.org: each part percent-encoded (`#`, `?` included), slashes kept. */
export function doiUrl(doi: string): string {
	return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** A PubMed record's address. */
export function pubmedUrl(pmid: string): string {
	return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;
}
