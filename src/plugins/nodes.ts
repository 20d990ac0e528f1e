/** Nodes the evidence plugins put in a page, for .md (mdast `html`) and .mdx (JSX) alike. */
import { withBase } from '../lib/site-url.ts';

/**
 * Already-escaped HTML from the engine's renderers. In MDX (no html nodes), a `<Fragment set:html>`
 * JSX node built directly: the MDX compiler emits one JSX call with a string literal instead of one
 * per element, and nothing is re-parsed, which keeps citation-heavy pages fast to build.
 */
export function rawHtml(sourceFormat: string, value: string, flow = false) {
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

export type Position = { line: number; column: number };

/**
 * The engine's renderers write site links root-relative (`href="/studies/x/"`), knowing nothing of
 * Astro; here they move under the configured `base`. Only our own attribute syntax is matched.
 */
export function rebase(html: string, base: string): string {
	return base === '/' ? html : html.replace(/ href="\/(?!\/)/g, ` href="${withBase(base, '')}`);
}
