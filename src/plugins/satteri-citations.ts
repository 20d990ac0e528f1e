/**
 * Sätteri (Astro 7's Markdown processor) plugin: turns `[@key]` and `[@a; @b]` in page text into
 * numbered citation links, and appends the page's bibliography.
 *
 * Sätteri hands `[@key]` to the `text` visitor as plain text; text in code is a separate node type,
 * so it is never touched (../shared/docs/stack-notes.md §2b).
 */
import { defineMdastPlugin } from 'satteri';
import { findClusters, CitationOrder } from '../lib/evidence/citations.ts';
import type { Evidence } from '../lib/evidence/check-project.ts';
import { formatReferences, shortReference } from '../lib/evidence/format.ts';
import { renderBibliography, renderCluster } from '../lib/evidence/render.ts';
import { nearestKeys, suggestion } from '../lib/evidence/nearest-keys.ts';

interface PageState {
	order: CitationOrder;
	clusters: number;
	citedAt: Map<string, number[]>;
}

const STATE = 'kpeCitations';

export function satteriCitations(evidence: Evidence) {
	const { library, facts } = evidence;
	const isVerified = (key: string) => facts.byKey.get(key)?.facts.verified !== false;
	return defineMdastPlugin({
		name: 'kpe-citations',
		options: { position: true },
		text(node, ctx) {
			const clusters = findClusters(node.value);
			if (clusters.length === 0) return;
			const state = ((ctx.data as Record<string, unknown>)[STATE] ??= {
				order: new CitationOrder(),
				clusters: 0,
				citedAt: new Map(),
			}) as PageState;
			const html = (value: string) =>
				ctx.sourceFormat === 'mdx' ? { raw: value, mdxExpressions: false } : { type: 'html' as const, value };
			const parts: Parameters<typeof ctx.replaceNode>[1] & unknown[] = [];
			let last = 0;
			for (const cluster of clusters) {
				for (const key of cluster.keys) {
					if (!library.entries.has(key)) {
						const where = ctx.fileURL ? `${ctx.fileURL.pathname}:${node.position?.start.line ?? '?'}` : 'a page';
						throw new Error(
							`${where}: the citation "${key}" is not in references/*.bib.${suggestion(nearestKeys(key, library.entries.keys()))} Run \`npm run check\` to list every problem.`,
						);
					}
				}
				const index = ++state.clusters;
				const items = cluster.keys.map((key) => {
					state.citedAt.set(key, [...(state.citedAt.get(key) ?? []), index]);
					return { key, number: state.order.number(key), short: shortReference(library.entries.get(key)!.csl) };
				});
				if (cluster.index > last) parts.push({ type: 'text', value: node.value.slice(last, cluster.index) });
				parts.push(html(renderCluster({ index, items })));
				last = cluster.index + cluster.length;
			}
			if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
			ctx.replaceNode(node, parts);
		},
		after(root, ctx) {
			const state = (ctx.data as Record<string, unknown>)[STATE] as PageState | undefined;
			if (!state || state.order.size === 0) return;
			const entries = state.order.keys().map((key) => library.entries.get(key)!);
			const references = formatReferences(entries, { isVerified });
			const list = renderBibliography(
				references.map((reference) => ({ reference, citedAt: state.citedAt.get(reference.key) ?? [] })),
			);
			ctx.appendChild(root, [
				{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'References' }] },
				ctx.sourceFormat === 'mdx' ? { raw: list, mdxExpressions: false } : { type: 'html', value: list },
			]);
		},
	});
}
