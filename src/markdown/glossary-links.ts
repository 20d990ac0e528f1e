/**
 * In the plain-language layer (from the "In plain words" h2 to the next h2), the first use of each
 * glossary term links to its definition. Not inside links or headings. Beside the link, its meaning
 * in one sentence, which CSS shows while the link is hovered or focused (no script) and which
 * describes the link to screen readers (`aria-describedby`); search leaves it out.
 */
import { defineMdastPlugin } from 'satteri';
import {
	findFirstTerm,
	glossaryPreview,
	GLOSSARY_PAGE,
	type GlossaryTerm,
} from '../engine/read/glossary.ts';
import { sitePath } from '../engine/render/urls.ts';
import { pageState, type PageState } from './page-state.ts';

export function glossaryLinksPlugin(glossary: readonly GlossaryTerm[], base: string) {
	return defineMdastPlugin({
		name: 'kpe-glossary-links',
		options: { position: true },
		before(root, ctx) {
			pageState(ctx.data).sections = root.children
				.filter((child) => child.type === 'heading' && child.depth === 2)
				.map((h) => ({
					line: h.position?.start.line ?? 0,
					plain: /^in plain words$/i.test(ctx.textContent(h).trim()),
				}));
		},
		text(node, ctx) {
			const page = pageState(ctx.data);
			const parent = ctx.parent(node);
			// Text split off by the citations plugin has no position of its own: its parent's line says.
			const line = node.position?.start.line ?? parent?.position?.start.line;
			if (!inPlainLayer(page, line) || parent?.type === 'link' || parent?.type === 'heading')
				return;
			const terms: { index: number; length: number; term: GlossaryTerm }[] = [];
			let masked = node.value;
			for (
				let m = findFirstTerm(masked, glossary, page.linked);
				m;
				m = findFirstTerm(masked, glossary, page.linked)
			) {
				page.linked.add(m.term.id);
				terms.push(m);
				masked = masked.slice(0, m.index) + ' '.repeat(m.length) + masked.slice(m.index + m.length);
			}
			if (terms.length === 0) return;
			terms.sort((a, b) => a.index - b.index);
			const parts: unknown[] = [];
			let last = 0;
			for (const { index, length, term } of terms) {
				if (index > last) parts.push({ type: 'text', value: node.value.slice(last, index) });
				const previewId = `gloss-${term.id}`;
				parts.push({
					type: 'kpeGlossaryTerm',
					data: { hName: 'span', hProperties: { className: ['kpe-gloss'] } },
					children: [
						{
							type: 'link',
							url: sitePath(`${GLOSSARY_PAGE}#${term.id}`, base),
							data: { hProperties: { className: ['kpe-gloss-link'], ariaDescribedBy: previewId } },
							children: [{ type: 'text', value: node.value.slice(index, index + length) }],
						},
						{
							type: 'kpeGlossaryPreview',
							data: {
								hName: 'span',
								hProperties: {
									id: previewId,
									className: ['kpe-gloss-preview'],
									role: 'tooltip',
									dataPagefindIgnore: 'all',
								},
							},
							children: [{ type: 'text', value: glossaryPreview(term) }],
						},
					],
				});
				last = index + length;
			}
			if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
			ctx.replaceNode(node, parts as Parameters<typeof ctx.replaceNode>[1]);
		},
	});
}

function inPlainLayer(page: PageState, line: number | undefined): boolean {
	if (line === undefined) return false;
	const section = page.sections.filter((s) => s.line <= line).at(-1);
	return section?.plain ?? false;
}
