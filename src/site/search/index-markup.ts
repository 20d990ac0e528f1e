/**
 * What Pagefind reads on each built page, adjusted for search only: nothing a reader sees or hears
 * changes.
 *
 * - The page title (`<h1 id="_top">`) is left out of the indexed text. Pagefind turns every heading
 *   with an `id` into a sub-result, so a title that matched showed the page twice (the page and
 *   "#_top"); Pagefind still reads the title as the page's `title` metadata and ranks it.
 * - Table header cells, definition terms and descriptions, captions and summaries are followed by a
 *   line break: Pagefind separates only some block elements (p, td, li, div, headings…), so
 *   `<dt>Result as reported</dt><dd>Repeated…` became "Result as reportedRepeated" in snippets.
 * - Synonyms (./synonyms.ts): the other words of each synonym group the page uses go in a hidden
 *   `synonyms` metadata field, so "esketamine" finds the pages that say "S(+)-ketamine". Metadata is
 *   searched but never quoted: written into the text, the words showed in result excerpts.
 * - Pages written by editors get a `subject` metadata field (title and section headings, with their
 *   synonyms), ranked above body text in astro.config.mjs: the page about liver harm outranks a
 *   study that mentions the liver.
 */
import { synonymsIn, type SynonymGroups } from './synonyms.ts';

export interface SearchMarkupOptions {
	synonyms: SynonymGroups;
	/** A page written by editors (content/), not a generated study or listing page. */
	editorial: boolean;
}

/** Pagefind's indexed region: Starlight's `<main data-pagefind-body>`. */
const MAIN_OPEN = /<main\b[^>]*\sdata-pagefind-body\b[^>]*>/;
const TITLE_H1 = /<h1\b(?![^>]*data-pagefind-ignore)([^>]*\sid="_top"[^>]*)>/;
/** Elements Pagefind does not separate from the next one (its SENTENCE_SELECTORS lack them). */
const UNSEPARATED_END = /<\/(th|dt|dd|caption|figcaption|summary|legend)>(?=<)/g;
/** Elements Pagefind leaves out: its defaults, and those marked `data-pagefind-ignore`. */
const UNINDEXED_START =
	/<(nav|footer|form|script|style|svg|template|title)\b[^>]*>|<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/gi;
const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
};

/**
 * Where the elements Pagefind leaves out start and end. Astro writes well-formed HTML, so counting
 * same-name tags finds each element's end.
 */
export function unindexedRanges(html: string): [number, number][] {
	const ranges: [number, number][] = [];
	const start = new RegExp(UNINDEXED_START.source, 'gi');
	for (let m = start.exec(html); m; m = start.exec(html)) {
		const tag = (m[1] ?? m[2]!).toLowerCase();
		const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
		tags.lastIndex = m.index + m[0].length;
		let depth = m[0].endsWith('/>') ? 0 : 1;
		let end = tags.lastIndex;
		for (let t = depth ? tags.exec(html) : null; t; t = tags.exec(html)) {
			depth += t[1] ? -1 : t[0].endsWith('/>') ? 0 : 1;
			end = tags.lastIndex;
			if (depth === 0) break;
		}
		ranges.push([m.index, end]);
		start.lastIndex = end;
	}
	return ranges;
}

/** The HTML without the elements Pagefind leaves out of its index. */
export function withoutUnindexed(html: string): string {
	let out = '';
	let from = 0;
	for (const [start, end] of unindexedRanges(html)) {
		out += html.slice(from, start) + ' ';
		from = end;
	}
	return out + html.slice(from);
}

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
		if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
		return ENTITIES[name.toLowerCase()] ?? entity;
	});
}

/** The words Pagefind indexes in an HTML fragment, for matching only. */
export function textOf(html: string): string {
	return decodeEntities(withoutUnindexed(html).replace(/<[^>]+>/g, ' '))
		.replace(/\s+/g, ' ')
		.trim();
}

function escapeText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page title and its section headings (h2, h3), as one line of words. */
function subjectOf(indexed: string): string {
	const headings = [...indexed.matchAll(/<h([123])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) =>
		textOf(m[2]!),
	);
	return [...new Set(headings.filter(Boolean))].join('; ');
}

/** The page with its search-only adjustments; pages without an indexed `<main>` are returned as they are. */
export function prepareForSearch(html: string, options: SearchMarkupOptions): string {
	const open = MAIN_OPEN.exec(html);
	const close = html.lastIndexOf('</main>');
	if (!open || close < open.index) return html;
	const start = open.index + open[0].length;
	let body = html.slice(start, close);

	const metas: string[] = [];
	if (options.editorial) {
		const subject = subjectOf(withoutUnindexed(body));
		const synonyms = synonymsIn(subject, options.synonyms).flatMap((s) => s.words);
		const words = [subject, ...new Set(synonyms)].filter(Boolean).join('; ');
		if (words) metas.push(`<span data-pagefind-meta="subject">${escapeText(words)}</span>`);
	}
	// The synonyms of the words the page uses go in metadata, which Pagefind searches but never
	// quotes: written into the text, they showed in result excerpts ("drip (infusion) as with a
	// dummy drip (infusion)").
	const related = [...new Set(synonymsIn(textOf(body), options.synonyms).flatMap((s) => s.words))];
	if (related.length)
		metas.push(`<span data-pagefind-meta="synonyms">${escapeText(related.join(', '))}</span>`);
	const block = metas.length ? `<div hidden data-pagefind-ignore>${metas.join('')}</div>` : '';
	body = body.replace(TITLE_H1, '<h1$1 data-pagefind-ignore>').replace(UNSEPARATED_END, '$&\n');
	return html.slice(0, start) + block + body + html.slice(close);
}
