/**
 * Formats library entries as a Vancouver bibliography with citation-js, and adds what CSL cannot:
 * DOI and PubMed links (CSL has no hyperlink spec) and inert, exact text for any field value.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Element, ElementContent, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { CslItem, LibraryEntry } from '../read/library.ts';
import { truncateText } from '../read/text-safety.ts';
import { isPartlySeen } from '../check/entry-rules.ts';
import { cslYear, doiUrl, familyName, pubmedUrl, shortName } from '../read/csl-fields.ts';

import { hasEtAl, withoutEtAlMarker } from '../read/et-al.ts';

/** Characters citeproc would treat as markup or "smarten"; swapped for private-use stand-ins while it runs. */
const PROTECT: [string, string][] = [
	['<', '\uE000'],
	['>', '\uE001'],
	['"', '\uE002'],
	["'", '\uE003'],
];

/**
 * LaTeX `{\'\i}` decodes to a dotless ı plus a combining accent; readers expect the precomposed
 * letter (í). NFC composition does not do this for the dotless i, so we do it first.
 */
export function normaliseText(text: string): string {
	return text
		.replace(/\u0131(?=[\u0300-\u036f])/g, 'i')
		.replace(/\u0237(?=[\u0300-\u036f])/g, 'j')
		.normalize('NFC');
}

function protect(value: unknown): unknown {
	if (typeof value === 'string') {
		let out = normaliseText(value);
		for (const [char, stand] of PROTECT) out = out.split(char).join(stand);
		return out;
	}
	if (Array.isArray(value)) return value.map(protect);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, protect(v)]));
	}
	return value;
}

function restore(text: string): string {
	let out = text;
	for (const [char, stand] of PROTECT) out = out.split(stand).join(char);
	return out;
}

/** The stand-ins in `nodes`' text and attribute values turned back into their characters. */
function restoreTree(nodes: readonly ElementContent[]): void {
	for (const node of nodes) {
		if (node.type === 'text') node.value = restore(node.value);
		if (node.type !== 'element') continue;
		for (const [name, value] of Object.entries(node.properties))
			if (typeof value === 'string') node.properties[name] = restore(value);
		restoreTree(node.children);
	}
}

/**
 * The reference text of citeproc's HTML for one entry, as hast: the inside of its
 * `csl-right-inline` part (the list numbers come from our own <ol>), without the whitespace around
 * it, and with the protected characters restored.
 */
function referenceNodes(html: string): ElementContent[] {
	const tree = fromHtml(html, { fragment: true });
	const find = (nodes: readonly RootContent[]): Element | undefined => {
		for (const node of nodes) {
			if (node.type !== 'element') continue;
			if ([node.properties.className].flat().includes('csl-right-inline')) return node;
			const found = find(node.children);
			if (found) return found;
		}
		return undefined;
	};
	const nodes = [...(find(tree.children) ?? tree).children] as ElementContent[];
	const first = nodes[0];
	if (first?.type === 'text') first.value = first.value.trimStart();
	const last = nodes.at(-1);
	if (last?.type === 'text') last.value = last.value.trimEnd();
	restoreTree(nodes);
	return nodes.filter((node) => node.type !== 'text' || node.value !== '');
}

/** The CSL item without identifiers (we link them ourselves) and without editor-only fields. */
function displayItem(csl: CslItem): CslItem {
	const {
		DOI: _doi,
		PMID: _pmid,
		URL: _url,
		note: _note,
		keyword: _keyword,
		...rest
	} = withoutEtAlMarker(csl);
	// Vancouver prints a literal name as it is: "Ferraro MC, et al." (citeproc's own "et al." only
	// comes after six named authors, and then cuts this one off too).
	if (hasEtAl(csl)) rest.author = [...(rest.author ?? []), { literal: 'et al.' }];
	return protect(rest) as CslItem;
}

/** What readers see beside a reference whose record was only partly seen. */
export const PARTLY_SEEN_LABEL = 'Details not verified';

export interface FormattedReference {
	key: string;
	/** The Vancouver reference as HTML: escaped text, no links. */
	html: string;
	/** The same reference as hast nodes (citeproc's HTML parsed once, never pasted into markup). */
	nodes: ElementContent[];
	/** DOI and PubMed links as HTML, empty when the entry has no verified identifier. */
	linksHtml: string;
	/** The same links as hast nodes. */
	links: ElementContent[];
	/** Plain text for hover previews: "Noppers I et al. 2011. Absence of long-term analgesic…". */
	short: string;
}

/** How to link an entry: unverified entries show no identifier link. */
export interface LinkPolicy {
	isVerified(key: string): boolean;
}

const ALL_VERIFIED: LinkPolicy = { isVerified: () => true };

/** The DOI and PubMed links of an entry (or its web address when it has neither), as hast. */
export function identifierLinkNodes(csl: CslItem): ElementContent[] {
	const parts: (ElementContent | string)[][] = [];
	if (csl.DOI) {
		const doi = String(csl.DOI);
		parts.push(['doi: ', h('a', { href: doiUrl(doi) }, doi)]);
	}
	if (csl.PMID) {
		const pmid = String(csl.PMID);
		parts.push(['PubMed: ', h('a', { href: pubmedUrl(pmid) }, pmid)]);
	}
	if (!csl.DOI && !csl.PMID && csl.URL && /^https?:\/\//i.test(String(csl.URL))) {
		// A web page changes: the day it was read (BibTeX `urldate`) goes with its link.
		const accessed = accessedText(csl);
		parts.push([
			h('a', { href: String(csl.URL) }, String(csl.URL)),
			...(accessed ? [` (accessed ${accessed})`] : []),
		]);
	}
	return parts.flatMap((part, i) =>
		(i > 0 ? ['. ', ...part] : part).map((n) =>
			typeof n === 'string' ? { type: 'text' as const, value: n } : n,
		),
	);
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** The day a web source was read (`urldate`, CSL `accessed`): "1 December 2026", or undefined. */
export function accessedText(csl: CslItem): string | undefined {
	const parts = (csl.accessed as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
	if (!parts?.[0]) return undefined;
	const [year, month, day] = parts;
	return [day, month ? MONTHS[month - 1] : undefined, year].filter(Boolean).join(' ');
}

/** What a label or preview shows for an entry whose year was not verified ("no date"). */
export const NO_YEAR = 'n.d.';

/**
 * Who wrote it, as running text names them before a number (a bare `@key`): "Smith", "Smith and
 * Jones", "Smith et al."; an organisation by its name; with no author, the journal or publisher.
 */
export function narrativeName(csl: CslItem): string {
	const people = (csl.author ?? []).map((p) => normaliseText(familyName(p))).filter(Boolean);
	// BibTeX `and others`: more authors than the item names.
	if (people.length > 0 && hasEtAl(csl)) return `${people[0]} et al.`;
	if (people.length === 1) return people[0]!;
	if (people.length === 2) return `${people[0]} and ${people[1]}`;
	if (people.length > 2) return `${people[0]} et al.`;
	const body = csl.publisher ?? csl['container-title'];
	return normaliseText(typeof body === 'string' && body ? body : 'The authors');
}

/** "Noppers I et al. 2011. Title" — the short reference shown on hover and focus. */
export function shortReference(csl: CslItem): string {
	const first = csl.author?.[0];
	const name = first ? shortName(first) : '';
	const who = name ? `${name}${(csl.author?.length ?? 0) > 1 || hasEtAl(csl) ? ' et al' : ''}` : '';
	const year = cslYear(csl) ?? NO_YEAR;
	// A preview, not the reference: long titles are cut at a word near 100 characters (the full
	// title is one click away in the bibliography), which also keeps citation-heavy pages light.
	const full = normaliseText(csl.title ?? '');
	const title = truncateText(full, 100);
	// "n.d." already ends in its full stop.
	return normaliseText([who, String(year).replace(/\.$/, ''), title].filter(Boolean).join('. '));
}

const CACHE = Symbol.for('ketamine-pain-evidence.formatted-reference-nodes');
/**
 * Vancouver reference per entry (hast), formatted once per build: a numeric style renders each entry the same
 * whatever the page, so pages that cite the same study share the work. Keyed by the entry object,
 * so a reloaded library never sees stale text.
 */
// On `globalThis`: Astro prerenders the study pages from a separate bundle of this module in the same
// process, and a module-level map would be a second, empty cache there (each entry formatted twice).
const formattedNodes: WeakMap<LibraryEntry, ElementContent[]> = ((
	globalThis as { [CACHE]?: WeakMap<LibraryEntry, ElementContent[]> }
)[CACHE] ??= new WeakMap());

/**
 * Formats the entries not yet in the cache, all in one citation-js call. Each call starts a citeproc
 * engine (style and locale parsed again), which costs more than formatting a dozen entries: a page
 * at a time, a 200-page site paid about a second for it. Call it with the whole library first.
 */
export function ensureFormatted(entries: readonly LibraryEntry[]): void {
	const missing = [...new Set(entries.filter((e) => !formattedNodes.has(e)))];
	if (missing.length === 0) return;
	const cite = new Cite(missing.map((e) => ({ ...displayItem(e.csl), id: e.key })));
	const formatted = cite.format('bibliography', {
		format: 'html',
		template: 'vancouver',
		lang: 'en-US',
		asEntryArray: true,
		nosort: true,
	}) as unknown as [string, string][];
	const byKey = new Map(formatted.map(([id, html]) => [String(id), html]));
	for (const entry of missing) {
		const html = byKey.get(entry.key);
		const nodes = html ? referenceNodes(html) : [];
		formattedNodes.set(entry, nodes.length ? nodes : [{ type: 'text', value: entry.key }]);
	}
}

/** Formats entries, in the order given, as Vancouver references with identifier links and previews. */
export function formatReferences(
	entries: readonly LibraryEntry[],
	policy: LinkPolicy = ALL_VERIFIED,
): FormattedReference[] {
	ensureFormatted(entries);
	return entries.map((entry) => {
		// A partly seen record says so wherever it is shown, so nobody mistakes the gaps for omissions.
		const partlySeen = isPartlySeen(entry);
		const nodes: ElementContent[] = [
			...formattedNodes.get(entry)!,
			...(partlySeen
				? [{ type: 'text' as const, value: ' ' }, h('span.kpe-unverified', `${PARTLY_SEEN_LABEL}.`)]
				: []),
		];
		const links = policy.isVerified(entry.key) && !partlySeen ? identifierLinkNodes(entry.csl) : [];
		return {
			key: entry.key,
			html: toHtml(nodes),
			nodes,
			linksHtml: toHtml(links),
			links,
			short:
				shortReference(entry.csl) + (partlySeen ? ` (${PARTLY_SEEN_LABEL.toLowerCase()})` : ''),
		};
	});
}
