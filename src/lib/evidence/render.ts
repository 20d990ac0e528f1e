/**
 * HTML for citations and a page's bibliography. Pure string building, shared by the Markdown
 * plugin and the tests; all text passes through escapeHtml or comes from formatReferences (escaped).
 */
import { escapeHtml, type FormattedReference } from './format.ts';
import { groupNumbers } from './citations.ts';

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
export function renderCluster({ index, items }: ClusterInput): string {
	const byNumber = new Map(items.map((item) => [item.number, item]));
	const groups = groupNumbers(items.map((item) => item.number));
	const links = groups.map(({ from, to }) => {
		const covered = [...byNumber.values()]
			.filter((i) => i.number >= from && i.number <= to)
			.sort((a, b) => a.number - b.number);
		const first = byNumber.get(from)!;
		const label = from === to ? String(from) : `${from}–${to}`;
		const preview = covered
			.map((i) => `<span class="kpe-cite-preview-item">${i.number}. ${escapeHtml(i.short)}</span>`)
			.join('<span class="sr-only">; </span>');
		// The parentheses are for screen readers, which read the preview straight after the number.
		return (
			`<a href="#${escapeHtml(refId(first.key))}" class="kpe-cite-link">${label}` +
			`<span class="kpe-cite-preview" data-pagefind-ignore="all"><span class="sr-only"> (</span>${preview}<span class="sr-only">)</span></span></a>`
		);
	});
	// Brackets as character references, so the Markdown re-parse never reads them as link syntax.
	return `<span class="kpe-cite" id="${citeId(index)}">&#91;${links.join(', ')}&#93;</span>`;
}

export interface BibliographyItem {
	reference: FormattedReference;
	/** Cluster indexes on the page where this entry is cited, in page order. */
	citedAt: number[];
}

/** The page's numbered reference list, each entry linking back to every place it is cited. */
export function renderBibliography(items: readonly BibliographyItem[]): string {
	const entries = items.map(({ reference, citedAt }, i) => {
		const back = citedAt
			.map(
				(cluster, j) =>
					`<a href="#${citeId(cluster)}" aria-label="Back to citation ${i + 1}${citedAt.length > 1 ? `, place ${j + 1}` : ''} in the text">↩${citedAt.length > 1 ? `<sup>${j + 1}</sup>` : ''}</a>`,
			)
			.join(' ');
		const links = reference.linksHtml ? ` ${reference.linksHtml}.` : '';
		return `<li id="${escapeHtml(refId(reference.key))}" data-key="${escapeHtml(reference.key)}"><span class="kpe-ref-text">${reference.html}</span>${links} <span class="kpe-backlinks">${back}</span></li>`;
	});
	return `<ol class="kpe-references">${entries.join('')}</ol>`;
}
