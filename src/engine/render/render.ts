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

/** The id a page's bibliography entry has, which citations link to. */
export const refId = (key: string) => `ref-${key}`;
/** The id of the n-th citation cluster on a page, which bibliography back-links point to. */
export const citeId = (n: number) => `cite-${n}`;
/** The id of a reference's one hover preview on a page, which later citations are described by. */
export const previewId = (key: string) => `preview-${key}`;

export interface ClusterInput {
	/** 1-based index of this cluster on the page. */
	index: number;
	/**
	 * The cited keys with their page numbers, as written; `first` when this is the key's first
	 * citation on the page (it carries the key's preview). Without `first`, every item previews.
	 */
	items: { key: string; number: number; short: string; first?: boolean }[];
}

/**
 * `[1, 2]` / `[1–3]`: each number (or range) links to its first reference. A reference's preview
 * (author, year, title) is rendered once per page, in the link of its first citation: CSS shows it
 * on hover and keyboard focus, and screen readers read it with the number since it sits inside the
 * link. A later citation points to that preview instead (`aria-describedby`, so screen readers still
 * hear it) and carries the same text as its `title` (a tooltip on hover; CSS shows it on keyboard
 * focus). One preview per reference keeps citation-heavy pages light. Pagefind skips previews.
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
		const fresh = covered.filter((i) => i.first !== false);
		const seen = covered.filter((i) => i.first === false);
		const href = `#${refId(first.key)}`;
		if (fresh.length === 0)
			return h(
				'a',
				{
					href,
					className: 'kpe-cite-link',
					title: seen.map((i) => `${i.number}. ${i.short}`).join('\n'),
					ariaDescribedBy: seen.map((i) => previewId(i.key)),
				},
				label,
			);
		const preview = fresh.flatMap((i, n) => [
			...(n > 0 ? [h('span.sr-only', '; ')] : []),
			h(
				'span.kpe-cite-preview-item',
				{ id: i.first ? previewId(i.key) : undefined },
				`${i.number}. ${i.short}`,
			),
		]);
		// The parentheses are for screen readers, which read the preview straight after the number.
		return h(
			'a',
			{
				href,
				className: 'kpe-cite-link',
				ariaDescribedBy: seen.length ? seen.map((i) => previewId(i.key)) : undefined,
			},
			[
				label,
				h('span.kpe-cite-preview', { dataPagefindIgnore: 'all' }, [
					h('span.sr-only', ' ('),
					...preview,
					h('span.sr-only', ')'),
				]),
			],
		);
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

/** How many back-links an entry shows before the rest fold away under "cited N times". */
export const BACKLINKS_SHOWN = 3;

/**
 * The page's numbered reference list. Each entry links to the study's own page (its facts and
 * every page citing it) and back to each place it is cited: the first few back-links shown, the
 * rest folded in a `<details>` labelled with the count, so an entry cited 24 times stays one line.
 */
export function renderBibliography(items: readonly BibliographyItem[], base = '/'): Element {
	const entries = items.map(({ reference, citedAt }, i) => {
		const back = citedAt.map((cluster, j) =>
			h(
				'a',
				{
					href: `#${citeId(cluster)}`,
					ariaLabel: `Back to citation ${i + 1}${citedAt.length > 1 ? `, place ${j + 1}` : ''} in the text`,
				},
				['↩', ...(citedAt.length > 1 ? [h('sup', String(j + 1))] : [])],
			),
		);
		const spaced = (links: Element[]) => links.flatMap((link, j) => (j > 0 ? [' ', link] : [link]));
		const folded = back.length > BACKLINKS_SHOWN + 1;
		const backlinks = folded
			? [
					...spaced(back.slice(0, BACKLINKS_SHOWN)),
					' ',
					h('details.kpe-backlinks-more', [
						h('summary', `cited ${back.length} times`),
						...spaced(back.slice(BACKLINKS_SHOWN)),
					]),
				]
			: spaced(back);
		const links = reference.links.length ? [' ', ...reference.links, '.'] : [];
		return h('li', { id: refId(reference.key), dataKey: reference.key }, [
			h('span.kpe-ref-text', reference.nodes),
			...links,
			' ',
			h(
				'a.kpe-ref-study',
				{ href: studyUrl(reference.key, base), ariaLabel: `Study page of reference ${i + 1}` },
				'Study page',
			),
			' ',
			h('span.kpe-backlinks', backlinks),
		]);
	});
	return h('ol.kpe-references', entries);
}

/**
 * A rendered cluster with Pandoc's prefix and locator inside its brackets: `[see 1, p. 4]`. The
 * words are text nodes (escaped when serialised). Falls back to placing them around the cluster
 * if its brackets are not text children of its own.
 */
export function withAffixes(
	cluster: Element,
	prefix: string | undefined,
	locator: string | undefined,
): ElementContent[] {
	if (!prefix && !locator) return [cluster];
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
