/**
 * Sätteri (Astro 7's Markdown processor) plugin for the evidence library:
 * - `[@key]` and `[@a; @b]` in page text become numbered citation links;
 * - `::evidence-table{condition="crps"}` becomes a table of studies built from the facts files;
 * - `::summary-of-findings` becomes the GRADE table of the page's frontmatter `outcomes`;
 * - the page's bibliography is appended at the end.
 * Everything is numbered in one walk of the page, in order of first citation.
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
import {
	compareStudies,
	renderEvidenceTable,
	renderSummaryOfFindings,
} from '../lib/evidence/tables.ts';
import { conditionSchema, outcomeSchema } from '../lib/page-frontmatter.ts';

interface PageState {
	order: CitationOrder;
	clusters: number;
	tables: number;
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
			const page = state(ctx.data);
			const parts: unknown[] = [];
			let last = 0;
			for (const cluster of clusters) {
				for (const key of cluster.keys)
					assertKnown(key, where(ctx.fileURL, node.position?.start.line));
				if (cluster.index > last)
					parts.push({ type: 'text', value: node.value.slice(last, cluster.index) });
				parts.push(html(ctx.sourceFormat, cite(page, cluster.keys)));
				last = cluster.index + cluster.length;
			}
			if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
			ctx.replaceNode(node, parts as Parameters<typeof ctx.replaceNode>[1]);
		},
		leafDirective(node, ctx) {
			if (node.name !== 'evidence-table' && node.name !== 'summary-of-findings') return;
			const page = state(ctx.data);
			const at = where(ctx.fileURL, node.position?.start.line);
			const attributes = node.attributes ?? {};
			const id = `${node.name}-${++page.tables}`;
			if (node.name === 'evidence-table') {
				const keys = (attributes.keys ?? '').split(/[\s,]+/).filter(Boolean);
				const condition = attributes.condition
					? conditionSchema.parse(attributes.condition)
					: undefined;
				// By default only studies of effect: guidelines, narrative reviews, alerts and lab work have their own sections.
				const designs = (attributes.designs ?? '').split(/[\s,]+/).filter(Boolean);
				const excluded = new Set([
					'guideline',
					'narrative-review',
					'regulatory-alert',
					'preclinical',
				]);
				keys.forEach((key) => assertKnown(key, at));
				const chosen = keys.length
					? keys
					: [...facts.byKey.values()]
							.filter((r) => (condition ? r.facts.conditions.includes(condition) : true))
							.map((r) => r.facts.key);
				const rows = chosen
					.map((key) => {
						const record = facts.byKey.get(key);
						if (!record)
							throw new Error(`${at}: the evidence table lists "${key}", which has no facts file.`);
						return { facts: record.facts, csl: library.entries.get(key)!.csl };
					})
					.filter((row) =>
						designs.length ? designs.includes(row.facts.design) : !excluded.has(row.facts.design),
					)
					.sort(compareStudies)
					.map((row) => ({ ...row, citeHtml: cite(page, [row.facts.key]) }));
				const caption = attributes.caption ?? 'Studies in the evidence library';
				ctx.replaceNode(node, html(ctx.sourceFormat, renderEvidenceTable(id, caption, rows)));
				return;
			}
			const frontmatter = ((ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro
				?.frontmatter ?? {}) as {
				outcomes?: unknown[];
			};
			const outcomes = (frontmatter.outcomes ?? []).map((o) => outcomeSchema.parse(o));
			if (outcomes.length === 0)
				throw new Error(`${at}: ::summary-of-findings needs \`outcomes\` in the page frontmatter.`);
			const rows = outcomes.map((outcome) => {
				outcome.studies.forEach((key) => assertKnown(key, at));
				return {
					outcome,
					studies: outcome.studies.map((key) => {
						const record = facts.byKey.get(key);
						if (!record)
							throw new Error(
								`${at}: the outcome "${outcome.outcome}" lists "${key}", which has no facts file.`,
							);
						return { facts: record.facts };
					}),
					citeHtml: cite(page, outcome.studies),
				};
			});
			const caption = attributes.caption ?? 'Summary of findings';
			ctx.replaceNode(node, html(ctx.sourceFormat, renderSummaryOfFindings(id, caption, rows)));
		},
		after(root, ctx) {
			const page = (ctx.data as Record<string, unknown>)[STATE] as PageState | undefined;
			if (!page || page.order.size === 0) return;
			const entries = page.order.keys().map((key) => library.entries.get(key)!);
			const list = renderBibliography(
				formatReferences(entries, { isVerified }).map((reference) => ({
					reference,
					citedAt: page.citedAt.get(reference.key) ?? [],
				})),
			);
			ctx.appendChild(root, [
				{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'References' }] },
				html(ctx.sourceFormat, list) as never,
			]);
		},
	});

	function assertKnown(key: string, at: string) {
		if (library.entries.has(key)) return;
		throw new Error(
			`${at}: the citation "${key}" is not in references/*.bib.${suggestion(nearestKeys(key, library.entries.keys()))} Run \`npm run check\` to list every problem.`,
		);
	}

	/** Numbers the keys, records where they are cited, and returns the cluster's HTML. */
	function cite(page: PageState, keys: readonly string[]): string {
		const index = ++page.clusters;
		const items = keys.map((key) => {
			page.citedAt.set(key, [...(page.citedAt.get(key) ?? []), index]);
			return {
				key,
				number: page.order.number(key),
				short: shortReference(library.entries.get(key)!.csl),
			};
		});
		return renderCluster({ index, items });
	}
}

function state(data: unknown): PageState {
	return ((data as Record<string, unknown>)[STATE] ??= {
		order: new CitationOrder(),
		clusters: 0,
		tables: 0,
		citedAt: new Map(),
	}) as PageState;
}

function where(fileURL: URL | undefined, line: number | undefined): string {
	return fileURL ? `${fileURL.pathname}:${line ?? '?'}` : `a page, line ${line ?? '?'}`;
}

/** Raw HTML for the page: an `html` node in Markdown; in MDX (no html nodes), raw text with braces kept literal. */
function html(sourceFormat: string, value: string) {
	return sourceFormat === 'mdx'
		? { raw: value, mdxExpressions: false }
		: { type: 'html' as const, value };
}
