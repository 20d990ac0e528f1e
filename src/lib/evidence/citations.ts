/**
 * Pandoc-style citations in page text: `[@key]` and `[@a; @b]`.
 *
 * Only bracketed citations are recognised, so an e-mail address (`someone@example.org`) or an
 * `@handle` is never a citation. Text in code is skipped by the callers (the Markdown plugin sees
 * code as its own node; the page scanner skips code spans and fences).
 */

import { markdownToMdast, mdxToMdast } from 'satteri';
import { LineIndex } from './diagnostics.ts';

/**
 * A citation key as the library allows it (entry-rules.ts VALID_KEY): letters, digits and `_:.-`.
 * Zotero/Better BibTeX keys (`smith_ketamine_2020`, `oconnor_low-dose_2021`) fit as they are.
 */
const KEY = String.raw`[A-Za-z0-9_:.\-]+`;
/** `[@a]`, `[@a; @b]`, `[@a ; @ b]`: a cluster of keys in square brackets, spaces allowed around `;` and after `@`. */
export const CLUSTER = new RegExp(String.raw`\[\s*@\s*${KEY}(?:\s*;\s*@\s*${KEY})*\s*\]`, 'g');
const KEY_IN_CLUSTER = new RegExp(String.raw`@\s*(${KEY})`, 'g');

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
		const after = text[match.index + match[0].length];
		if (text[match.index - 1] === '!' || after === '(' || after === '[') continue;
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

/** The text of a citation label: `[1]`, `[1, 2]`, `[1–3, 5]`. */
export function formatLabel(numbers: readonly number[]): string {
	return `[${groupNumbers(numbers)
		.map((g) => (g.from === g.to ? String(g.from) : `${g.from}–${g.to}`))
		.join(', ')}]`;
}

export interface PageCitation {
	key: string;
	line: number;
	column: number;
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

/** Brackets in a run of text that look like citations but are not readable clusters. */
export function findUnreadableClusters(text: string): UnreadableCluster[] {
	const out: UnreadableCluster[] = [];
	const readable = new Set(findClusters(text).map((c) => c.index));
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
				: 'a citation holds only keys, each written `@key` and separated by `;` (no page numbers, prefixes or commas)',
			fix: badKey
				? 'Use the key exactly as the library spells it (keys are plain ASCII: `mueller2020schmerz`).'
				: `Write it as \`[${keys.map((k) => `@${k}`).join('; ') || '@key'}]\`; put any words outside the brackets.`,
		});
	}
	return out;
}

export interface PageScan {
	citations: PageCitation[];
	unreadable: (PageCitation & { text: string; reason: string; fix: string })[];
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
	const walk = (node: MdNode) => {
		if (NOT_TEXT.has(node.type)) return;
		if (node.type === 'text') {
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			if (start === undefined || end === undefined) return;
			const raw = source.slice(start, end);
			for (const cluster of findClusters(raw)) {
				const text = raw.slice(cluster.index, cluster.index + cluster.length);
				for (const m of text.matchAll(KEY_IN_CLUSTER)) {
					citations.push({ key: m[1]!, ...lines.at(start + cluster.index + m.index) });
				}
			}
			for (const u of findUnreadableClusters(raw)) {
				unreadable.push({ key: '', ...lines.at(start + u.index), ...u });
			}
			return;
		}
		node.children?.forEach(walk);
	};
	walk(tree);
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

/** Every citation in a page source, with its position (see scanPage). */
export function scanPageCitations(source: string, format?: 'md' | 'mdx'): PageCitation[] {
	return scanPage(source, format).citations;
}
