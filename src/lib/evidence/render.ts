/**
 * Citations and a page's bibliography as hast trees (built with `h()`), shared by the Markdown
 * plugins and the tests. Text goes into text nodes, never into markup, so nothing here escapes by
 * hand: the plugins serialise each tree once, with hast-util-to-html (src/plugins/nodes.ts).
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { groupNumbers } from './citations.ts';
import { findClusters } from './citations.ts';
import type { FormattedReference } from './format.ts';

/** The id a page's bibliography entry has, which citations link to. */
export const refId = (key: string) => `ref-${key}`;
/** The id of the n-th citation cluster on a page, which bibliography back-links point to. */
export const citeId = (n: number) => `cite-${n}`;

export interface ClusterInput {
	/** 1-based index of this cluster on the page. */
	index: number;
	/** The cited keys with their page numbers, as written. */
	items: { key: string; number: number; short: string }[];
}

/**
 * `[1, 2]` / `[1–3]`: each number (or range) links to its first reference, and carries a preview
 * (author, year, title) that CSS shows on hover and keyboard focus. The preview sits inside the
 * link, so screen readers announce it with the number; Pagefind skips it.
 */
export function renderCluster({ index, items }: ClusterInput): Element {
	const byNumber = new Map(items.map((item) => [item.number, item]));
	const groups = groupNumbers(items.map((item) => item.number));
	const links = groups.map(({ from, to }) => {
		const covered = [...byNumber.values()]
			.filter((i) => i.number >= from && i.number <= to)
			.sort((a, b) => a.number - b.number);
		const first = byNumber.get(from)!;
		const label = from === to ? String(from) : `${from}–${to}`;
		const preview = covered.flatMap((i, n) => [
			...(n > 0 ? [h('span.sr-only', '; ')] : []),
			h('span.kpe-cite-preview-item', `${i.number}. ${i.short}`),
		]);
		// The parentheses are for screen readers, which read the preview straight after the number.
		return h('a', { href: `#${refId(first.key)}`, className: 'kpe-cite-link' }, [
			label,
			h('span.kpe-cite-preview', { dataPagefindIgnore: 'all' }, [
				h('span.sr-only', ' ('),
				...preview,
				h('span.sr-only', ')'),
			]),
		]);
	});
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

/** The page's numbered reference list, each entry linking back to every place it is cited. */
export function renderBibliography(items: readonly BibliographyItem[]): Element {
	const entries = items.map(({ reference, citedAt }, i) => {
		const back = citedAt.flatMap((cluster, j) => {
			const link = h(
				'a',
				{
					href: `#${citeId(cluster)}`,
					ariaLabel: `Back to citation ${i + 1}${citedAt.length > 1 ? `, place ${j + 1}` : ''} in the text`,
				},
				['↩', ...(citedAt.length > 1 ? [h('sup', String(j + 1))] : [])],
			);
			return j > 0 ? [' ', link] : [link];
		});
		const links = reference.links.length ? [' ', ...reference.links, '.'] : [];
		return h('li', { id: refId(reference.key), dataKey: reference.key }, [
			h('span.kpe-ref-text', reference.nodes),
			...links,
			' ',
			h('span.kpe-backlinks', back),
		]);
	});
	return h('ol.kpe-references', entries);
}
