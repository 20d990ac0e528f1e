/**
 * Pandoc-style citations in page text: `[@key]` and `[@a; @b]`.
 *
 * Only bracketed citations are recognised, so an e-mail address (`someone@example.org`) or an
 * `@handle` is never a citation. Text in code is skipped by the callers (the Markdown plugin sees
 * code as its own node; the page scanner skips code spans and fences).
 */

import { markdownToMdast, mdxToMdast } from 'satteri';
import { LineIndex } from './diagnostics.ts';

/** A citation key: starts with a letter, digit or `_`; may hold `:.-_` inside (as Pandoc allows). */
const KEY = String.raw`[A-Za-z0-9_](?:[A-Za-z0-9_:.\-]*[A-Za-z0-9_])?`;
/** `[@a]`, `[@a; @b]`, `[@a;@b]`: a cluster of keys in square brackets. */
export const CLUSTER = new RegExp(String.raw`\[\s*@${KEY}(?:\s*;\s*@${KEY})*\s*\]`, 'g');

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
		const keys = [...match[0].matchAll(new RegExp(`@(${KEY})`, 'g'))].map((m) => m[1]!);
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
 * Every citation in a Markdown/MDX page source, with its position. The page is parsed by Sätteri,
 * the parser the build uses, so code, MDX comments and expressions, HTML and frontmatter are skipped
 * exactly as the build skips them; positions come from the source text of each text node.
 * `format` defaults to MDX, falling back to Markdown when the source is not valid MDX.
 */
export function scanPageCitations(source: string, format?: 'md' | 'mdx'): PageCitation[] {
	let tree: MdNode;
	try {
		tree = (format === 'md' ? markdownToMdast(source) : mdxToMdast(source)) as MdNode;
	} catch {
		tree = markdownToMdast(source) as MdNode;
	}
	const lines = new LineIndex(source);
	const out: PageCitation[] = [];
	const walk = (node: MdNode) => {
		if (NOT_TEXT.has(node.type)) return;
		if (node.type === 'text') {
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			if (start === undefined || end === undefined) return;
			const raw = source.slice(start, end);
			for (const cluster of findClusters(raw)) {
				let offset = cluster.index;
				for (const key of cluster.keys) {
					offset = raw.indexOf(`@${key}`, offset);
					out.push({ key, ...lines.at(start + offset) });
					offset += key.length + 1;
				}
			}
			return;
		}
		node.children?.forEach(walk);
	};
	walk(tree);
	return out;
}
