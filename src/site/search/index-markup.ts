/**
 * What Pagefind reads on each built page, adjusted for search only: nothing a reader sees or hears
 * changes. Works on the page's hast tree (src/middleware.ts parses each page once, for this and for
 * its Content-Security-Policy).
 *
 * - The page title (`<h1 id="_top">`) is left out of the indexed text (src/components/PageTitle.astro
 *   renders it so; the home page's hero title is marked here). Pagefind turns every heading with an
 *   `id` into a sub-result, so a title that matched showed the page twice (the page and "#_top");
 *   Pagefind still reads the title as the page's `title` metadata and ranks it.
 * - Table header cells, definition terms and descriptions, captions and summaries are followed by a
 *   line break: Pagefind separates only some block elements (p, td, li, div, headings…), so
 *   `<dt>Result as reported</dt><dd>Repeated…` became "Result as reportedRepeated" in snippets.
 *   No renderer can promise this for every table and list a page holds (Markdown tables, the
 *   engine's tables, Starlight's and our components), so it is done once here, on the tree.
 * - Synonyms (./synonyms.ts): the other words of each synonym group the page uses go in a hidden
 *   `synonyms` metadata field, so "esketamine" finds the pages that say "S(+)-ketamine". Metadata is
 *   searched but never quoted: written into the text, the words showed in result excerpts.
 * - Pages written by editors get a `subject` metadata field (title and section headings, with their
 *   synonyms), ranked above body text in astro.config.mjs: the page about liver harm outranks a
 *   study that mentions the liver.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { synonymsIn, type SynonymGroups } from './synonyms.ts';

export interface SearchMarkupOptions {
	synonyms: SynonymGroups;
	/** A page written by editors (content/), not a generated study or listing page. */
	editorial: boolean;
	/** The page title: rendered outside the index (see the module comment), but still its subject. */
	title?: string;
}

/** Elements Pagefind does not separate from the next one (its SENTENCE_SELECTORS lack them). */
const UNSEPARATED = new Set(['th', 'dt', 'dd', 'caption', 'figcaption', 'summary', 'legend']);
/** Elements Pagefind leaves out by default (besides those marked `data-pagefind-ignore`). */
const UNINDEXED = new Set(['nav', 'footer', 'form', 'script', 'style', 'svg', 'template', 'title']);

type Parent = Root | Element;

/** Whether Pagefind leaves `node` and everything in it out of its index. */
export function isUnindexed(node: Element): boolean {
	return UNINDEXED.has(node.tagName) || node.properties.dataPagefindIgnore !== undefined;
}

/** The first element of `tree` that `test` accepts, depth first. */
function findElement(tree: Parent, test: (node: Element) => boolean): Element | undefined {
	for (const child of tree.children) {
		if (child.type !== 'element') continue;
		if (test(child)) return child;
		const found = findElement(child, test);
		if (found) return found;
	}
	return undefined;
}

/** Pagefind's indexed region: Starlight's `<main data-pagefind-body>`. */
export function indexedRegion(tree: Root): Element | undefined {
	return findElement(
		tree,
		(node) => node.tagName === 'main' && node.properties.dataPagefindBody !== undefined,
	);
}

/** The words Pagefind indexes under `node`, for matching only (every element boundary a space). */
export function indexedText(node: Parent): string {
	const parts: string[] = [];
	const walk = (children: readonly (RootContent | ElementContent)[]) => {
		for (const child of children) {
			if (child.type === 'text') parts.push(child.value);
			else if (child.type === 'element') {
				parts.push(' ');
				if (!isUnindexed(child)) walk(child.children);
				parts.push(' ');
			}
		}
	};
	walk(node.children);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

/** A line break after each element Pagefind would run into the next one. */
export function separateBlocks(node: Parent): void {
	const children: (RootContent | ElementContent)[] = [];
	node.children.forEach((child, i) => {
		children.push(child);
		if (child.type !== 'element') return;
		separateBlocks(child);
		const next = node.children[i + 1];
		// Text after the element already separates it (or runs on as the page wrote it).
		if (UNSEPARATED.has(child.tagName) && next?.type !== 'text')
			children.push({ type: 'text', value: '\n' });
	});
	node.children = children as typeof node.children;
}

const SUBJECT_HEADINGS = new Set(['h1', 'h2', 'h3']);

/** The indexed headings (h1 to h3) under `node`, in page order. */
function headingsOf(node: Parent, found: Element[] = []): Element[] {
	for (const child of node.children) {
		if (child.type !== 'element' || isUnindexed(child)) continue;
		if (SUBJECT_HEADINGS.has(child.tagName)) found.push(child);
		else headingsOf(child, found);
	}
	return found;
}

/**
 * The page title and its section headings, as one line of words. The headings are read from the
 * page, not from Starlight's `headings` (its table of contents): sections that components render
 * (the literature watch's searches, a page's claims) are not in it, and are part of what a page is about.
 */
function subjectOf(region: Element, options: SearchMarkupOptions): string {
	const headings = [options.title ?? '', ...headingsOf(region).map(indexedText)].map((text) =>
		text.replace(/\s+/g, ' ').trim(),
	);
	return [...new Set(headings.filter(Boolean))].join('; ');
}

/**
 * The hidden metadata block of a region (its `subject` and `synonyms`), or undefined when it has
 * none. The synonyms of the words the region uses go in metadata, which Pagefind searches but never
 * quotes: written into the text, they showed in result excerpts ("drip (infusion) as with a dummy
 * drip (infusion)").
 */
export function searchMetadata(region: Element, options: SearchMarkupOptions): Element | undefined {
	const metas: Element[] = [];
	if (options.editorial) {
		const subject = subjectOf(region, options);
		const synonyms = synonymsIn(subject, options.synonyms).flatMap((s) => s.words);
		const words = [subject, ...new Set(synonyms)].filter(Boolean).join('; ');
		if (words) metas.push(h('span', { dataPagefindMeta: 'subject' }, words));
	}
	// The title is rendered out of the index, but its words are the page's words.
	const text = [options.title ?? '', indexedText(region)].join(' ');
	const related = [...new Set(synonymsIn(text, options.synonyms).flatMap((s) => s.words))];
	if (related.length) metas.push(h('span', { dataPagefindMeta: 'synonyms' }, related.join(', ')));
	return metas.length ? h('div', { hidden: true, dataPagefindIgnore: true }, metas) : undefined;
}

/**
 * Keeps the page title (`<h1 id="_top">`) out of the index. PageTitle.astro renders it so; Starlight's
 * Hero (the home page) offers no way to add the attribute, so its title is marked here.
 */
export function unindexTitle(region: Element): void {
	const title = findElement(
		region,
		(node) => node.tagName === 'h1' && node.properties.id === '_top',
	);
	if (title) title.properties.dataPagefindIgnore = true;
}

/** The page's search-only adjustments, made on its tree; a page without an indexed `<main>` is left as it is. */
export function prepareForSearch(tree: Root, options: SearchMarkupOptions): void {
	const region = indexedRegion(tree);
	if (!region) return;
	unindexTitle(region);
	const metadata = searchMetadata(region, options);
	separateBlocks(region);
	if (metadata) region.children.unshift(metadata);
}
