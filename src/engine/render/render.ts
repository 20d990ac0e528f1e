/**
 * Citations and a page's bibliography as hast trees (built with `h()`), shared by the Markdown
 * plugins and the tests. Text goes into text nodes, never into markup, so nothing here escapes by
 * hand: the plugins serialise each tree once, with hast-util-to-html (src/markdown/nodes.ts).
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { groupNumbers } from '../read/citations.ts';
import { findClusters } from '../read/citations.ts';
import type { FormattedReference } from './format.ts';
import { studyUrl } from './urls.ts';
import { BACKLINKS_SHOWN, backlink, citeId } from './backlinks.ts';

/** The id a page's bibliography entry has, which citations link to. */
export const refId = (key: string) => `ref-${key}`;
/** The id of a reference's one hover preview on a page, which later citations are described by. */
export const previewId = (key: string) => `preview-${key}`;

export interface ClusterInput {
	/** 1-based index of this cluster on the page. */
	index: number;
	/**
	 * The cited keys with their page numbers, as written; `first: false` when the key was cited
	 * before on this page (whose citation carries the key's one preview), else it carries it here.
	 */
	items: { key: string; number: number; short: string; first?: boolean }[];
}

/**
 * `[1, 2]` / `[1–3]`: each number (or range) links to its first reference. A reference's preview
 * ("1. Noppers I et al. 2011. Absence of…": number, authors, year, title) is rendered once per page,
 * in the link of its first citation: CSS shows it on hover and keyboard focus. Every citation of it,
 * the first and the later ones, is named by that one preview (`aria-labelledby`; a range such as
 * "[1–3]" keeps its numbers as its name and is described by its previews, `aria-describedby`), so
 * screen readers hear the number and what it stands for without the text being written again; the
 * preview itself is hidden from them (`aria-hidden`, still read through the reference), so it is
 * not heard twice.
 * A later citation shows the preview on hover, focus and tap through src/scripts/citation-preview.ts,
 * which copies it in. Pagefind skips previews. One preview per reference keeps citation-heavy pages
 * light.
 *
 * Few elements, since a long page holds hundreds of citations (each element costs the browser
 * work: Lighthouse's DOM size). A cluster of one link is that link alone, brackets included
 * (`[1]`, as most sites print a citation), carrying the cluster's id and class (`.kpe-cite`, the
 * place a back-link returns to); only a cluster of several links is a `span.kpe-cite` around them,
 * which keeps "[1, 2]" on one line. A preview of one reference is one element, its text.
 */
export function renderCluster({ index, items }: ClusterInput): Element {
	const byNumber = new Map(items.map((item) => [item.number, item]));
	const groups = groupNumbers(items.map((item) => item.number));
	const bracketed = groups.length === 1;
	const links = groups.map(({ from, to }) => {
		const covered = [...byNumber.values()]
			.filter((i) => i.number >= from && i.number <= to)
			.sort((a, b) => a.number - b.number);
		const first = byNumber.get(from)!;
		const label = from === to ? String(from) : `${from}–${to}`;
		const shown = bracketed ? `[${label}]` : label;
		const previews = covered.map((i) => previewId(i.key));
		const properties = {
			...(bracketed ? { id: citeId(index) } : {}),
			href: `#${refId(first.key)}`,
			className: bracketed ? ['kpe-cite', 'kpe-cite-link'] : ['kpe-cite-link'],
			// One reference names its link ("1. Noppers I et al. 2011. …"). A range is named by the
			// numbers it shows ("1–3", which speech input users say; said outright, since Chromium
			// would add the hidden preview it is described by to a name taken from the link's text)
			// and described by its references.
			...(from === to
				? { ariaLabelledBy: previews }
				: { ariaLabel: label, ariaDescribedBy: previews }),
		};
		const fresh = covered.filter((i) => i.first !== false);
		if (fresh.length === 0) return h('a', properties, shown);
		const text = (i: (typeof fresh)[number]) => `${i.number}. ${i.short}`;
		const hidden = { ariaHidden: 'true', dataPagefindIgnore: 'all' };
		// One reference: the preview is its text. Several (a range cited for the first time): one
		// line each, each with its own id for the citations it names.
		const preview =
			fresh.length === 1
				? h('span.kpe-cite-preview', { id: previewId(fresh[0]!.key), ...hidden }, [text(fresh[0]!)])
				: h(
						'span.kpe-cite-preview',
						hidden,
						fresh.map((i) => h('span.kpe-cite-preview-item', { id: previewId(i.key) }, text(i))),
					);
		return h('a', properties, [shown, preview]);
	});
	if (bracketed) return links[0]!;
	return h('span.kpe-cite', { id: citeId(index) }, [
		'[',
		...links.flatMap((link, i) => (i > 0 ? [', ', link] : [link])),
		']',
	]);
}

/** Text with `[@key]` clusters: plain text nodes, each cluster replaced by what `cite` builds. */
export function textWithCitations(
	text: string,
	cite: (keys: string[]) => ElementContent,
): ElementContent[] {
	const out: ElementContent[] = [];
	let last = 0;
	for (const cluster of findClusters(text)) {
		if (cluster.index > last) out.push({ type: 'text', value: text.slice(last, cluster.index) });
		out.push(cite(cluster.keys));
		last = cluster.index + cluster.length;
	}
	if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
	return out;
}

export interface BibliographyItem {
	reference: FormattedReference;
	/** Cluster indexes on the page where this entry is cited, in page order. */
	citedAt: number[];
}

/**
 * The page's numbered reference list. Each entry links to the study's own page (its facts and
 * every page citing it) and back to each place it is cited (`a.kpe-backlink`): the first few
 * back-links shown, the rest folded behind a "cited N times" button, so an entry cited 24 times
 * stays one line.
 */
export function renderBibliography(items: readonly BibliographyItem[], base = '/'): Element {
	const entries = items.map(({ reference, citedAt }, i) => {
		const back = citedAt.map((cluster, j) => {
			const { href, label, text } = backlink(i + 1, j + 1, citedAt.length, cluster);
			return h('a.kpe-backlink', { href, ariaLabel: label }, text);
		});
		const spaced = (links: Element[]) => links.flatMap((link, j) => (j > 0 ? [' ', link] : [link]));
		const folded = back.length > BACKLINKS_SHOWN + 1;
		const backlinks = folded
			? [
					...spaced(back.slice(0, BACKLINKS_SHOWN)),
					' ',
					// The rest as the clusters they return to, made into links when a reader presses the
					// button (src/scripts/backlinks.ts): a long page carries no links few readers open
					// (protocols had 87 of them), nor their markup.
					h(
						'button.kpe-backlinks-more',
						{
							type: 'button',
							ariaExpanded: 'false',
							dataReference: i + 1,
							dataPlaces: citedAt.slice(BACKLINKS_SHOWN).join(' '),
						},
						`cited ${back.length} times`,
					),
				]
			: spaced(back);
		const links = reference.links.length ? [' ', ...reference.links, '.'] : [];
		return h('li', { id: refId(reference.key) }, [
			...reference.nodes,
			...links,
			' ',
			h(
				'a.kpe-ref-study',
				{ href: studyUrl(reference.key, base), ariaLabel: `Study page of reference ${i + 1}` },
				'Study page',
			),
			' ',
			// The back-links are the entry's last children (no wrapper: a long list holds hundreds).
			...backlinks,
		]);
	});
	return h('ol.kpe-references', entries);
}

/**
 * A rendered cluster with Pandoc's prefix and locator inside its brackets: `[see 1, p. 4]`. The
 * words are text nodes (escaped when serialised). A cluster of one bracketed link gets the wrapper
 * a cluster of several has (the words sit between the brackets, outside the link). Falls back to
 * placing them around the cluster if its brackets are not text children of its own.
 */
export function withAffixes(
	cluster: Element,
	prefix: string | undefined,
	locator: string | undefined,
): ElementContent[] {
	if (!prefix && !locator) return [cluster];
	if (cluster.tagName === 'a') cluster = unbracketed(cluster);
	const children = [...cluster.children];
	const open = children.findIndex((c) => c.type === 'text' && c.value.endsWith('['));
	const close = children.findLastIndex((c) => c.type === 'text' && c.value.startsWith(']'));
	if (open < 0 || close <= open)
		return [
			...(prefix ? [{ type: 'text' as const, value: `${prefix} ` }] : []),
			cluster,
			...(locator ? [{ type: 'text' as const, value: `, ${locator}` }] : []),
		];
	if (locator) children.splice(close, 0, { type: 'text', value: `, ${locator}` });
	if (prefix) children.splice(open + 1, 0, { type: 'text', value: `${prefix} ` });
	return [{ ...cluster, children }];
}

/** `<a id class="kpe-cite …">[1]…</a>` as `<span id class="kpe-cite">[<a …>1…</a>]</span>`. */
function unbracketed(link: Element): Element {
	const { id, className, ...properties } = link.properties;
	const [label, ...rest] = link.children;
	const number =
		label?.type === 'text' ? { ...label, value: label.value.replace(/^\[|\]$/g, '') } : label;
	const classes = (className as string[]).filter((c) => c !== 'kpe-cite');
	return h('span.kpe-cite', { id: id as string }, [
		'[',
		{ ...link, properties: { ...properties, className: classes }, children: [number!, ...rest] },
		']',
	]);
}
