/**
 * Sätteri plugin: a link to each heading, for readers who copy a section's address. It stands in
 * for Starlight's own (`markdown.headingLinks`, which the evidence plugin turns off), with the same
 * classes, address and accessible name in three elements instead of seven:
 *
 *   <div class="sl-heading-wrapper level-h2"><h2 id="x">Title</h2><a class="sl-anchor-link"
 *   href="#x" aria-label="Section titled “Title”"></a></div>
 *
 * Starlight draws the link icon as an inline `<svg>` in a `<span>` and names the link with a visually
 * hidden `<span>`; here the name is the link's `aria-label` (not page text, so search never indexes
 * it) and styles/heading-links.css draws the icon. Heading ids come from Astro's own heading-id
 * plugin, run first as Starlight does, so they are the ids Astro lists in the page's headings.
 */
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** `label(title)` is the link's accessible name, Starlight's translation of `heading.anchorLabel`. */
export function headingLinksPlugin(label: (title: string) => string) {
	return defineHastPlugin({
		name: 'kpe-heading-links',
		element: {
			filter: HEADINGS,
			visit(node, ctx) {
				const id = node.properties?.['id'];
				if (typeof id !== 'string' || !id) return;
				return {
					type: 'element',
					tagName: 'div',
					properties: { class: `sl-heading-wrapper level-${node.tagName}` },
					children: [
						node,
						{
							type: 'element',
							tagName: 'a',
							properties: {
								class: 'sl-anchor-link',
								href: `#${id}`,
								'aria-label': label(ctx.textContent(node)),
							},
							children: [],
						},
					],
				};
			},
		},
	});
}

/** Heading ids, then the links to them: the pair Starlight runs when its heading links are on. */
export function headingLinks(label: (title: string) => string): HastPluginEntry[] {
	return [satteriHeadingIdsPlugin(), headingLinksPlugin(label)];
}
