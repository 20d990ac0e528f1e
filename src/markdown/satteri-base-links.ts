/**
 * Sätteri plugin: root-relative links written in page text (`[safety](/topics/safety/)`,
 * `<LinkCard href="/claims/" />`) are built under the site's base path, so the same pages work at
 * `https://owner.github.io/` and at `https://owner.github.io/repo/`. Editors keep writing `/…`.
 */
import { defineMdastPlugin } from 'satteri';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { sitePath } from '../engine/render/urls.ts';

/** JSX attributes that hold an address. */
const URL_ATTRIBUTES = new Set(['href', 'src']);

export function satteriBaseLinks(base: string) {
	const underBase = (url: string) => sitePath(url, base);
	function jsx(node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>, ctx: JsxContext) {
		let changed = false;
		const attributes = node.attributes.map((attribute) => {
			if (
				attribute.type === 'mdxJsxAttribute' &&
				URL_ATTRIBUTES.has(attribute.name) &&
				typeof attribute.value === 'string' &&
				underBase(attribute.value) !== attribute.value
			) {
				changed = true;
				return { ...attribute, value: underBase(attribute.value) };
			}
			return attribute;
		});
		// Sätteri cannot set `attributes` in place: the element is replaced by a copy.
		if (changed) ctx.replaceNode(node, { ...node, attributes } as MdxJsxFlowElement);
	}
	type JsxContext = {
		replaceNode(
			node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>,
			next: MdxJsxFlowElement,
		): void;
	};
	return defineMdastPlugin({
		name: 'kpe-base-links',
		link(node, ctx) {
			if (underBase(node.url) !== node.url) ctx.setProperty(node, 'url', underBase(node.url));
		},
		definition(node, ctx) {
			if (underBase(node.url) !== node.url) ctx.setProperty(node, 'url', underBase(node.url));
		},
		mdxJsxFlowElement(node, ctx) {
			jsx(node, ctx as unknown as JsxContext);
		},
		mdxJsxTextElement(node, ctx) {
			jsx(node, ctx as unknown as JsxContext);
		},
	});
}
