/**
 * Pandoc-style citations in page text: `[@key]`, `[@a; @b]` and `[-@key]` everywhere; in page text
 * also a prefix and a locator (`[see @key, p. 4]`) and a bare `@key` in running text (the author's
 * name and the number: "Smith et al. [1]").
 *
 * An `@` right after a letter or digit (`someone@example.org`) is never a citation. Text in code is
 * skipped by the callers (the Markdown plugin sees code as its own node; the page scanner skips
 * code spans and fences). Whatever looks like a citation but is not one of these forms is reported
 * by `findUnreadableClusters`, so nothing is printed as literal text.
 */

import { markdownToMdast, mdxToMdast } from 'satteri';
import { LineIndex } from './position.ts';

/**
 * A citation key as the library allows it (entry-rules.ts VALID_KEY): letters, digits and `_:.-`.
 * Zotero/Better BibTeX keys (`smith_ketamine_2020`, `oconnor_low-dose_2021`) fit as they are.
 */
const KEY = String.raw`[A-Za-z0-9_:.\-]+`;
/**
 * `[@a]`, `[@a; @b]`, `[@a ; @ b]`: a cluster of keys in square brackets, spaces allowed around `;`
 * and after `@`. `[-@a]` is Pandoc's "suppress the author": in this numbered style, the number
 * alone, as `[@a]` is.
 */
export const CLUSTER = new RegExp(String.raw`\[\s*-?@\s*${KEY}(?:\s*;\s*-?@\s*${KEY})*\s*\]`, 'g');
const KEY_IN_CLUSTER = new RegExp(String.raw`@\s*(${KEY})`, 'g');

/**
 * `[see @a, p. 4]`, `[e.g. @a; @b]`: a cluster with words before its first key (the prefix, which
 * ends with a space) and, after a single key, a comma and a locator. Page text only.
 */
const AFFIXED = new RegExp(
	String.raw`\[([^[\]\n@;]*\s)?(-?@\s*${KEY}(?:\s*;\s*-?@\s*${KEY})*)(?:\s*,\s*([^[\]\n@;]*[^\s[\]\n@;]))?\s*\]`,
	'g',
);

/**
 * A key standing bare in running text: it ends on a letter, digit or `_` (a full stop after it ends
 * the sentence), and the `@` does not follow a letter, digit or `.+-_@` (an e-mail address).
 */
const NARRATIVE = /(?<![\p{L}\p{N}_@.+-])@([A-Za-z0-9_](?:[A-Za-z0-9_:.-]*[A-Za-z0-9_])?)/gu;

/** A citation in page text: a cluster, possibly with a prefix and a locator, or a bare `@key`. */
export interface PageCitationUse {
	keys: string[];
	/** Offset in the text, and the length of what is replaced. */
	index: number;
	length: number;
	/** Words before the first key inside the brackets (`see`), without the trailing space. */
	prefix?: string;
	/** What follows the key after a comma (`p. 4`). */
	locator?: string;
	/** A bare `@key`: the author's name and the number. */
	narrative?: boolean;
}

/** True when the bracket at `index` is an image (`![@x]`) or a link (`[@x](url)`, `[@x][ref]`). */
function isLinkOrImage(text: string, index: number, length: number): boolean {
	const after = text[index + length];
	return text[index - 1] === '!' || after === '(' || after === '[';
}

/**
 * Every citation in a run of page text, in order: clusters (with a prefix or locator when there is
 * one) and bare `@key`s outside any bracket.
 */
export function findPageCitations(text: string): PageCitationUse[] {
	const out: PageCitationUse[] = [];
	for (const match of text.matchAll(AFFIXED)) {
		if (isLinkOrImage(text, match.index, match[0].length)) continue;
		const keys = [...match[2]!.matchAll(KEY_IN_CLUSTER)].map((m) => m[1]!);
		// A locator belongs to one study: `[@a; @b, p. 4]` would not say whose page 4 it is.
		if (match[3] !== undefined && keys.length > 1) continue;
		const prefix = match[1]?.trim();
		out.push({
			keys,
			index: match.index,
			length: match[0].length,
			...(prefix ? { prefix } : {}),
			...(match[3] !== undefined ? { locator: match[3].trim() } : {}),
		});
	}
	const brackets = [...text.matchAll(BRACKET)].map((m) => [m.index, m.index + m[0].length]);
	for (const match of text.matchAll(NARRATIVE)) {
		if (brackets.some(([from, to]) => match.index >= from! && match.index < to!)) continue;
		// Pandoc's `@key [p. 4]`: a bracket right after a bare key is its locator (not a link).
		const after = text.slice(match.index + match[0].length);
		const locator = /^\s?\[([^[\]\n@;]*[^\s[\]\n@;])\](?![([])/.exec(after);
		out.push({
			keys: [match[1]!],
			index: match.index,
			length: match[0].length + (locator ? locator[0].length : 0),
			narrative: true,
			...(locator ? { locator: locator[1]!.trim() } : {}),
		});
	}
	return out.sort((a, b) => a.index - b.index);
}

export interface CitationCluster {
	/** Keys in the order written. */
	keys: string[];
	/** Offset of `[` in the text, and the length of the whole cluster. */
	index: number;
	length: number;
}

/** Finds every citation cluster in a run of text. */
export function findClusters(text: string): CitationCluster[] {
	const clusters: CitationCluster[] = [];
	for (const match of text.matchAll(CLUSTER)) {
		// `![@x]` is an image and `[@x](url)` or `[@x][ref]` a link, not a citation.
		if (isLinkOrImage(text, match.index, match[0].length)) continue;
		const keys = [...match[0].matchAll(KEY_IN_CLUSTER)].map((m) => m[1]!);
		clusters.push({ keys, index: match.index, length: match[0].length });
	}
	return clusters;
}

/**
 * Numbers keys in order of first citation on one page. Call `number(key)` for each key as it is met
 * in document order; it returns the key's number, assigning the next one on first sight.
 */
export class CitationOrder {
	readonly #numbers = new Map<string, number>();
	number(key: string): number {
		let n = this.#numbers.get(key);
		if (n === undefined) {
			n = this.#numbers.size + 1;
			this.#numbers.set(key, n);
		}
		return n;
	}
	/** Keys in citation order. */
	keys(): string[] {
		return [...this.#numbers.keys()];
	}
	get size(): number {
		return this.#numbers.size;
	}
}

/**
 * Groups citation numbers as a reader expects: sorted, duplicates dropped, runs of three or more
 * collapsed to a range (`1–3`), pairs kept apart (`1, 2`).
 */
export function groupNumbers(numbers: readonly number[]): { from: number; to: number }[] {
	const sorted = [...new Set(numbers)].sort((a, b) => a - b);
	const groups: { from: number; to: number }[] = [];
	for (const n of sorted) {
		const last = groups.at(-1);
		if (last && n === last.to + 1) last.to = n;
		else groups.push({ from: n, to: n });
	}
	// A run of exactly two reads better as "1, 2" than "1–2".
	return groups.flatMap((g) =>
		g.to === g.from + 1
			? [
					{ from: g.from, to: g.from },
					{ from: g.to, to: g.to },
				]
			: [g],
	);
}

export interface PageCitation {
	key: string;
	line: number;
	column: number;
	/** A bare `@key` in running text. */
	narrative?: boolean;
}

/** Node types whose text is never page text: code, MDX expressions and comments, raw HTML, frontmatter. */
const NOT_TEXT = new Set([
	'code',
	'inlineCode',
	'mdxFlowExpression',
	'mdxTextExpression',
	'mdxjsEsm',
	'yaml',
	'toml',
	'html',
]);

interface MdNode {
	type: string;
	children?: MdNode[];
	position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * A bracket that looks like a citation but is not one the site can read: `[see @a]`, `[@a, p. 4]`,
 * `[@müller2020]`. Left alone it would be printed as literal text, so the checks report it.
 * An `@` inside a word (`someone@example.org`) does not count.
 */
const CITATION_LIKE = /^\[(?:[^[\]\n]*[\s;])?@[^\s\]]/;
const BRACKET = /\[[^[\]\n]*\]/g;

export interface UnreadableCluster {
	/** The bracket as written. */
	text: string;
	index: number;
	/** Why it is not read, and what to write instead. */
	reason: string;
	fix: string;
}

/**
 * Brackets in a run of text that look like citations but are not readable clusters. In page text
 * (`page`), prefixes and locators are readable too; elsewhere (claims, glossary, fields) only keys.
 */
export function findUnreadableClusters(text: string, page = false): UnreadableCluster[] {
	const out: UnreadableCluster[] = [];
	const readable = new Set(
		(page ? findPageCitations(text) : findClusters(text)).map((c) => c.index),
	);
	for (const match of text.matchAll(BRACKET)) {
		const bracket = match[0];
		if (readable.has(match.index) || !CITATION_LIKE.test(bracket)) continue;
		const after = text[match.index + bracket.length];
		if (text[match.index - 1] === '!' || after === '(' || after === '[') continue;
		// Keys with characters a key cannot hold, so the reader gets the right fix.
		const keys = [...bracket.matchAll(/@\s*([^\s;,\]]+)/g)].map((m) => m[1]!);
		const badKey = keys.find((k) => !new RegExp(`^${KEY}$`).test(k));
		out.push({
			text: bracket,
			index: match.index,
			reason: badKey
				? `the key "${badKey}" holds characters a citation key cannot (only A–Z, a–z, 0–9 and _ : . -)`
				: page
					? 'a citation holds keys written `@key` separated by `;`, words before the first key, and a page after a single key'
					: 'a citation here holds only keys, each written `@key` and separated by `;` (no page numbers, prefixes or commas)',
			fix: badKey
				? 'Use the key exactly as the library spells it (keys are plain ASCII: `mueller2020schmerz`).'
				: page
					? `Write it as \`[${keys.map((k) => `@${k}`).join('; ') || '@key'}]\`, with words before the first key (\`[see @key]\`) or, after a single key, a comma and a page (\`[@key, p. 4]\`).`
					: `Write it as \`[${keys.map((k) => `@${k}`).join('; ') || '@key'}]\`; put any words outside the brackets.`,
		});
	}
	// Outside page text (claims, the glossary) a bare `@key` is not read: say so rather than print it.
	if (!page)
		for (const use of findPageCitations(text))
			if (use.narrative)
				out.push({
					text: text.slice(use.index, use.index + use.length),
					index: use.index,
					reason:
						'a bare `@key` names the authors only in page text; here it would be printed as it stands',
					fix: `Write it as \`[@${use.keys[0]}]\` (or put a literal @name in code).`,
				});
	return out;
}

export interface PageScan {
	citations: PageCitation[];
	unreadable: (PageCitation & { text: string; reason: string; fix: string; inLink?: boolean })[];
	/** Set when the page itself cannot be parsed (the build would fail on it too). */
	parseError?: { line: number; column: number; message: string };
}

/** Sätteri's parser features the build turns on: directives (`::evidence-table{…}`) above all. */
const FEATURES = { directive: true } as const;

/**
 * Every citation in a Markdown/MDX page source, with its position, wherever the build renders it:
 * paragraphs, lists, tables, directive labels and the children of JSX components
 * (`<BottomLine>…[@key]…</BottomLine>`). The page is parsed by Sätteri, the parser the build uses,
 * with the same features, so code, MDX comments and expressions, raw HTML and frontmatter are
 * skipped exactly as the build skips them. `format` defaults to MDX.
 */
export function scanPage(
	source: string,
	format: 'md' | 'mdx' = 'mdx',
	parsed: ParsedPage = parsePage(source, format),
): PageScan {
	const lines = new LineIndex(source);
	const { parseError } = parsed;
	const tree = parsed.tree as MdNode;
	const citations: PageCitation[] = [];
	const unreadable: PageScan['unreadable'] = [];
	const walk = (node: MdNode, inLink: boolean) => {
		if (NOT_TEXT.has(node.type)) return;
		if (node.type === 'text') {
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			if (start === undefined || end === undefined) return;
			const raw = source.slice(start, end);
			for (const use of findPageCitations(raw)) {
				const text = raw.slice(use.index, use.index + use.length);
				if (inLink) {
					// A citation is a link: inside link text it would make a link inside a link, which
					// browsers split, cutting the author's link short.
					unreadable.push({
						key: '',
						...lines.at(start + use.index),
						text,
						inLink: true,
						reason: 'it sits inside the text of a link, and a citation is a link itself',
						fix: 'Move the citation after the link: `[the trial](https://…) [@key]`.',
					});
					continue;
				}
				for (const m of text.matchAll(KEY_IN_CLUSTER)) {
					citations.push({
						key: m[1]!,
						...lines.at(start + use.index + m.index),
						...(use.narrative ? { narrative: true } : {}),
					});
				}
			}
			for (const u of findUnreadableClusters(raw, true)) {
				unreadable.push({ key: '', ...lines.at(start + u.index), ...u });
			}
			return;
		}
		const link = inLink || node.type === 'link' || node.type === 'linkReference';
		node.children?.forEach((child) => walk(child, link));
	};
	walk(tree, false);
	return parseError ? { citations, unreadable, parseError } : { citations, unreadable };
}

/** A page as Sätteri parses it (once per check), for the citation scan and the directive check. */
export interface ParsedPage {
	tree: unknown;
	/** Set when the page does not parse as MDX; `tree` is then its parse as plain Markdown. */
	parseError?: PageScan['parseError'];
}

export function parsePage(source: string, format: 'md' | 'mdx' = 'mdx'): ParsedPage {
	let tree: MdNode;
	let parseError: PageScan['parseError'];
	try {
		tree = (
			format === 'md'
				? markdownToMdast(source, { features: FEATURES })
				: mdxToMdast(source, { features: FEATURES })
		) as MdNode;
	} catch (error) {
		// Report it (the build stops on it too), and still scan the page as Markdown.
		const message = error instanceof Error ? error.message : String(error);
		const where = /^(?:Error: )?(\d+):(\d+)/.exec(message);
		parseError = {
			line: where ? Number(where[1]) : 1,
			column: where ? Number(where[2]) : 1,
			message: message.replace(/^(?:Error: )?\d+:\d+: /, '').split('\n')[0]!,
		};
		tree = markdownToMdast(source, { features: FEATURES }) as MdNode;
	}
	return parseError ? { tree, parseError } : { tree };
}
