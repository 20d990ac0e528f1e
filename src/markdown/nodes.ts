/** Nodes the evidence plugins put in a page, for .md (mdast `html`) and .mdx (JSX) alike. */
import type { Nodes } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { withBase } from '../site/site-url.ts';

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
export function htmlNode(sourceFormat: string, tree: Nodes, { flow = false, base = '/' } = {}) {
	const value = toHtml(base === '/' ? tree : rebaseTree(tree, base));
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

/** True for a site link written root-relative (`/studies/x/`), not a protocol-relative `//host`. */
const rootRelative = (href: unknown): href is string =>
	typeof href === 'string' && href.startsWith('/') && !href.startsWith('//');

/**
 * The engine's renderers write site links root-relative (`href="/studies/x/"`), knowing nothing of
 * Astro; here they move under the configured `base`. A copy: trees may share cached nodes.
 */
export function rebaseTree<T extends Nodes>(tree: T, base: string): T {
	if (!('children' in tree)) return tree;
	const properties =
		tree.type === 'element' && rootRelative(tree.properties.href)
			? { ...tree.properties, href: withBase(base, tree.properties.href) }
			: tree.type === 'element'
				? tree.properties
				: undefined;
	return {
		...tree,
		...(properties ? { properties } : {}),
		children: tree.children.map((child) => rebaseTree(child as Nodes, base)),
	} as T;
}

/** The same for serialised HTML (components that place a badge with `set:html`). */
export function rebase(html: string, base: string): string {
	return base === '/' ? html : html.replace(/ href="\/(?!\/)/g, ` href="${withBase(base, '')}`);
}
