/**
 * Machine-readable descriptions of pages for search engines and reference managers:
 * - JSON-LD typed with schema-dts: `MedicalWebPage` about a `MedicalCondition` (condition pages),
 *   `ScholarlyArticle` (study pages);
 * - Highwire Press `citation_*` meta tags (study pages), read by Google Scholar and Zotero.
 *
 * Every value is text from frontmatter or the library, so the JSON is escaped for an HTML `<script>`
 * element: no field can close the element or start markup (`<` `>` `&` and line separators become
 * `\uXXXX` escapes, which JSON parsers read back unchanged).
 */
import type {
	MedicalCondition,
	MedicalWebPage,
	Organization,
	Person,
	ScholarlyArticle,
	WithContext,
} from 'schema-dts';
import type { CslItem } from '../read/library.ts';
import { normaliseText } from './format.ts';
import { cslDateParts, cslYear, doiUrl, invertedName, personName } from '../read/csl-fields.ts';

export const SITE_NAME = 'Ketamine Pain Evidence';
/** The by-line of pages written by the project as a group, not by named people. */
export const EDITORS = 'Ketamine Pain Evidence editors';

/** `JSON.stringify`, safe inside `<script type="application/ld+json">`. */
export function jsonForScript(data: unknown): string {
	return JSON.stringify(data).replace(
		/[<>&\u2028\u2029]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

const publisher: Organization = { '@type': 'Organization', name: SITE_NAME };

/** A by-line name: the project's editors are an organisation; anyone else is a person. */
function agent(name: string): Person | Organization {
	return name === EDITORS ? { '@type': 'Organization', name } : { '@type': 'Person', name };
}

export interface ConditionPageInput {
	url: string;
	title: string;
	description: string;
	/** The condition's name as readers know it. */
	condition: string;
	lastReviewed: Date;
	authors: readonly string[];
	reviewers: readonly string[];
	/** The last dated update, if any. */
	dateModified?: Date | undefined;
}

export function conditionPageJsonLd(page: ConditionPageInput): WithContext<MedicalWebPage> {
	const about: MedicalCondition = { '@type': 'MedicalCondition', name: page.condition };
	// Reviewed by the named reviewers; without any, by the editors who set `lastReviewed`.
	const reviewers = page.reviewers.length ? page.reviewers : [EDITORS];
	return {
		'@context': 'https://schema.org',
		'@type': 'MedicalWebPage',
		name: page.title,
		headline: page.title,
		description: page.description,
		url: page.url,
		inLanguage: 'en',
		isAccessibleForFree: true,
		about,
		lastReviewed: isoDay(page.lastReviewed),
		reviewedBy: reviewers.map(agent),
		...(page.authors.length ? { author: page.authors.map(agent) } : {}),
		...(page.dateModified ? { dateModified: isoDay(page.dateModified) } : {}),
		publisher,
	};
}

export function studyJsonLd(
	csl: CslItem,
	page: { url: string; verified: boolean },
): WithContext<ScholarlyArticle> {
	const doi = page.verified && csl.DOI ? String(csl.DOI) : undefined;
	const pmid = page.verified && csl.PMID ? String(csl.PMID) : undefined;
	const journal = csl['container-title']
		? normaliseText(String(csl['container-title']))
		: undefined;
	const year = cslYear(csl);
	const published = year === undefined ? undefined : String(year);
	return {
		'@context': 'https://schema.org',
		'@type': 'ScholarlyArticle',
		name: normaliseText(csl.title ?? csl.id),
		headline: normaliseText(csl.title ?? csl.id),
		url: page.url,
		...(csl.author?.length
			? {
					author: csl.author.map(
						(a) => ({ '@type': 'Person', name: normaliseText(personName(a)) }) as Person,
					),
				}
			: {}),
		...(published ? { datePublished: published } : {}),
		...(journal ? { isPartOf: { '@type': 'Periodical', name: journal } } : {}),
		...(doi || pmid
			? {
					identifier: [
						...(doi ? [{ '@type': 'PropertyValue' as const, propertyID: 'DOI', value: doi }] : []),
						...(pmid
							? [{ '@type': 'PropertyValue' as const, propertyID: 'PMID', value: pmid }]
							: []),
					],
				}
			: {}),
		...(doi ? { sameAs: doiUrl(doi) } : {}),
	};
}

/**
 * Highwire Press tags for one study (name/content pairs; Astro escapes the attribute values).
 * Unverified identifiers are left out, as on the page.
 */
export function highwireMeta(csl: CslItem, verified: boolean): { name: string; content: string }[] {
	const tags: { name: string; content: string }[] = [];
	const add = (name: string, value: unknown) => {
		if (value !== undefined && value !== null && String(value).trim())
			tags.push({ name, content: normaliseText(String(value)) });
	};
	add('citation_title', csl.title);
	for (const a of csl.author ?? []) add('citation_author', invertedName(a));
	add(
		'citation_publication_date',
		cslDateParts(csl)
			.map((p) => String(p).padStart(2, '0'))
			.join('/'),
	);
	add('citation_journal_title', csl['container-title']);
	add('citation_volume', csl.volume);
	add('citation_issue', csl.issue);
	const [first, last] = String(csl.page ?? '').split(/[-–]+/);
	add('citation_firstpage', first);
	add('citation_lastpage', last);
	if (verified) {
		add('citation_doi', csl.DOI);
		add('citation_pmid', csl.PMID);
	}
	return tags;
}
