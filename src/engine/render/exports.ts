/**
 * Reference-manager exports made with citation-js: BibTeX and RIS for one study, for one page's
 * reference list and for the whole library, and the "Cite this page" text (Vancouver and BibTeX).
 *
 * What goes out is what the site shows: no editor-only fields (`note`, `keyword`), and no DOI,
 * PubMed ID or URL for a study whose identifier could not be verified.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { CslItem } from '../read/library.ts';
import { hasEtAl, withoutEtAlMarker } from '../read/et-al.ts';

/**
 * The CSL item as exported: the key as id, editor-only fields dropped, unverified identifiers dropped.
 * An "et al." marker (et-al.ts) stays: toBibtex and toRis write it in their own format.
 */
export function exportItem(key: string, csl: CslItem, verified: boolean): CslItem {
	const { note: _note, keyword: _keyword, DOI, PMID, URL, ...rest } = csl;
	return {
		...rest,
		id: key,
		...(verified
			? { ...(DOI ? { DOI } : {}), ...(PMID ? { PMID } : {}), ...(URL ? { URL } : {}) }
			: {}),
	} as CslItem;
}

/** BibTeX for the items, keys kept (citation-js would otherwise make its own labels). */
export function toBibtex(items: readonly CslItem[]): string {
	if (items.length === 0) return '';
	const bibtex = new Cite(
		items.map((item) => ({
			...withoutEtAlMarker(item),
			'citation-key': item.id,
			...(hasEtAl(item) ? { author: [...(item.author ?? []), { literal: OTHERS }] } : {}),
		})),
	).format('bibtex', { format: 'text' }) as string;
	// citation-js braces a literal name (`{others}`: a person called "others" to BibTeX); the bare
	// word is BibTeX's own "et al.". The stand-in cannot occur in a real name.
	return bibtex.split(`and {${OTHERS}}`).join('and others');
}

/** A stand-in for BibTeX's `others`, swapped for the bare word after citation-js has written it. */
const OTHERS = 'kpeEtAlOthers';

/** What an RIS record says when the source lists more authors than it names. */
export const RIS_ET_AL_NOTE = 'et al.: the source lists further authors who are not named here';

/** RIS for the items: one `TY … ER` record each. */
export function toRis(items: readonly CslItem[]): string {
	if (items.length === 0) return '';
	// @citation-js/plugin-ris registers 'ris' at run time; core's `Formats` type does not list it.
	// RIS has no "et al." marker: the named authors go out as AU, and a note (N1) says there are more.
	const cite = new Cite(
		items.map((item) =>
			hasEtAl(item) ? { ...withoutEtAlMarker(item), note: RIS_ET_AL_NOTE } : item,
		),
	) as unknown as { format(f: string, o: object): string };
	return cite.format('ris', { format: 'text' });
}

export interface CitablePage {
	title: string;
	url: string;
	/** The by-line (the project's editors, or named people). */
	authors: readonly string[];
	/** The date the content was last reviewed or, failing that, last updated. */
	date?: Date | undefined;
	/** `conditions/crps`: becomes the BibTeX key `kpe_conditions_crps`. */
	slug: string;
}

function pageItem(page: CitablePage): CslItem {
	const date = page.date;
	return {
		// BibTeX keys with hyphens are replaced by citation-js's own labels: underscores are kept.
		id: `kpe_${page.slug.replace(/[^a-z0-9]+/gi, '_') || 'home'}`,
		type: 'webpage',
		title: page.title,
		author: page.authors.map((name) => ({ literal: name })),
		publisher: 'Ketamine Pain Evidence',
		URL: page.url,
		...(date
			? {
					issued: {
						'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]],
					},
				}
			: {}),
	};
}

/** "Cite this page": a Vancouver reference (plain text) and a BibTeX entry. */
export function citeThisPage(page: CitablePage): { vancouver: string; bibtex: string } {
	const item = pageItem(page);
	const vancouver = String(
		new Cite(item).format('bibliography', { format: 'text', template: 'vancouver', lang: 'en-US' }),
	)
		.replace(/^1\.\s*/, '')
		.trim();
	return { vancouver, bibtex: toBibtex([item]).trim() };
}

export interface ExportSource {
	/** Library entries by key, with their CSL. */
	entries: ReadonlyMap<string, { csl: CslItem }>;
	isVerified(key: string): boolean;
	/** Pages citing each key (`/conditions/crps/`), as the checks found them. */
	citedIn: ReadonlyMap<string, readonly { path: string }[]>;
}

/** `/conditions/crps/` → `conditions-crps`; `/` → `home`. */
export function pageExportName(path: string): string {
	return path.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home';
}

/** Where each export lives, relative to the site root (no leading slash). */
export const exportPaths = {
	library: (ext: 'bib' | 'ris') => `exports/library.${ext}`,
	study: (key: string, ext: 'bib' | 'ris') => `exports/studies/${key}.${ext}`,
	page: (path: string, ext: 'bib' | 'ris') => `exports/pages/${pageExportName(path)}.${ext}`,
};

/** The keys each page cites, in key order. */
export function keysByPage(source: ExportSource): Map<string, string[]> {
	const byPage = new Map<string, string[]>();
	for (const key of [...source.entries.keys()].sort()) {
		for (const page of source.citedIn.get(key) ?? []) {
			byPage.set(page.path, [...(byPage.get(page.path) ?? []), key]);
		}
	}
	return byPage;
}

/** Every export file: the whole library, each study, each page's reference list; BibTeX and RIS. */
export function exportFiles(
	source: ExportSource,
): { path: string; keys: string[]; body: string }[] {
	const item = (key: string) =>
		exportItem(key, source.entries.get(key)!.csl, source.isVerified(key));
	const files: { path: string; keys: string[] }[] = [];
	const all = [...source.entries.keys()].sort();
	for (const ext of ['bib', 'ris'] as const) {
		files.push({ path: exportPaths.library(ext), keys: all });
		for (const key of all) files.push({ path: exportPaths.study(key, ext), keys: [key] });
		for (const [page, keys] of keysByPage(source))
			files.push({ path: exportPaths.page(page, ext), keys });
	}
	return files.map((file) => {
		const items = file.keys.map(item);
		return { ...file, body: file.path.endsWith('.bib') ? toBibtex(items) : toRis(items) };
	});
}
