/** Nodes the evidence plugins put in a page, for .md (mdast `html`) and .mdx (JSX) alike. */
import type { Nodes } from 'hast';
import { toHtml } from 'hast-util-to-html';

/**
 * The one place the engine's hast trees become HTML: serialised here by hast-util-to-html, which
 * escapes every text and attribute value, so the string is safe by construction (nothing in the
 * trees is a `raw` node, and nothing is escaped by hand).
 *
 * In MDX (no html nodes) the string goes into one `<Fragment set:html>` JSX node per block or
 * cluster. Handing MDX the tree as JSX elements instead would make the compiler emit one JSX call
 * per element (a citation cluster is about ten, a table a few thousand), and that is what made
 * citation-heavy pages slow to build; one string literal per block is emitted as is, never re-parsed.
 */
export function htmlNode(sourceFormat: string, tree: Nodes, { flow = false } = {}) {
	const value = toHtml(tree);
	if (sourceFormat !== 'mdx') return { type: 'html' as const, value };
	return {
		type: flow ? ('mdxJsxFlowElement' as const) : ('mdxJsxTextElement' as const),
		name: 'Fragment',
		attributes: [
			{
				type: 'mdxJsxAttribute' as const,
				name: 'set:html',
				value: { type: 'mdxJsxAttributeValueExpression' as const, value: JSON.stringify(value) },
			},
		],
		children: [],
	};
}
