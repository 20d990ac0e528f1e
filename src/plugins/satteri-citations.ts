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
	renderProtocolTable,
	renderSummaryOfFindings,
} from '../lib/evidence/tables.ts';
import { readFileSync } from 'node:fs';
import { CONDITION_LABELS, type Condition } from '../lib/taxonomy.ts';
import { outcomeSchema } from '../lib/page-frontmatter.ts';
import { checkDirective, isDirectiveName } from '../lib/evidence/directives.ts';
import { PageError } from '../plugin/errors.ts';
import {
	listAttribute,
	selectEvidenceTable,
	selectProtocolRows,
} from '../lib/evidence/selection.ts';
import { renderClaims, renderClaimLinks } from '../lib/evidence/claims-render.ts';
import { renderExplanation } from '../lib/evidence/claims.ts';
import { findFirstTerm, GLOSSARY_PAGE, type GlossaryTerm } from '../lib/evidence/glossary.ts';
import { escapeHtml } from '../lib/evidence/format.ts';

interface PageState {
	/** Where each h2 starts and whether it opens the plain-language layer. */
	sections: { line: number; plain: boolean }[];
	/** Glossary terms already linked on this page (each is linked on first use only). */
	linked: Set<string>;
	order: CitationOrder;
	clusters: number;
	tables: number;
	citedAt: Map<string, number[]>;
}

/** Where the plugin records, in the page's own metadata, every key the page cites (study pages read it). */
export const CITED_KEYS = 'evidenceCitedKeys';

const STATE = 'kpeCitations';

export function satteriCitations(evidence: Evidence) {
	const { library, facts, glossary } = evidence;
	const isVerified = (key: string) => facts.byKey.get(key)?.facts.verified !== false;
	const allFacts = () => [...facts.byKey.values()].map((r) => r.facts);

	return defineMdastPlugin({
		name: 'kpe-citations',
		options: { position: true },
		before(root, ctx) {
			// Glossary terms are linked only in the plain-language layer: note where each h2 starts.
			// (Visitors are not called in document order across node types, so positions decide.)
			state(ctx.data).sections = root.children
				.filter((child) => child.type === 'heading' && child.depth === 2)
				.map((h) => ({
					line: h.position?.start.line ?? 0,
					plain: /^in plain words$/i.test(ctx.textContent(h).trim()),
				}));
		},
		text(node, ctx) {
			const page = state(ctx.data);
			const parent = ctx.parent(node)?.type;
			const events: { index: number; length: number; keys?: string[]; term?: GlossaryTerm }[] =
				findClusters(node.value).map((c) => ({ index: c.index, length: c.length, keys: c.keys }));
			if (
				inPlainLayer(page, node.position?.start.line) &&
				parent !== 'link' &&
				parent !== 'heading'
			) {
				let masked = node.value;
				for (
					let m = findFirstTerm(masked, glossary, page.linked);
					m;
					m = findFirstTerm(masked, glossary, page.linked)
				) {
					page.linked.add(m.term.id);
					events.push({ index: m.index, length: m.length, term: m.term });
					masked =
						masked.slice(0, m.index) + ' '.repeat(m.length) + masked.slice(m.index + m.length);
				}
			}
			if (events.length === 0) return;
			events.sort((a, b) => a.index - b.index);
			const parts: unknown[] = [];
			let last = 0;
			for (const event of events) {
				if (event.index > last)
					parts.push({ type: 'text', value: node.value.slice(last, event.index) });
				const original = node.value.slice(event.index, event.index + event.length);
				if (event.keys) {
					for (const key of event.keys)
						assertKnown(key, locate(ctx, `@${key}`, node.position?.start));
					parts.push(html(ctx.sourceFormat, cite(page, event.keys)));
				} else if (event.term) {
					parts.push({
						type: 'link',
						url: `${GLOSSARY_PAGE}#${event.term.id}`,
						children: [{ type: 'text', value: original }],
					});
				}
				last = event.index + event.length;
			}
			if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
			ctx.replaceNode(node, parts as Parameters<typeof ctx.replaceNode>[1]);
		},
		leafDirective(node, ctx) {
			const attributes = Object.fromEntries(
				Object.entries(node.attributes ?? {}).filter(
					(entry): entry is [string, string] => typeof entry[1] === 'string',
				),
			);
			const position = locate(ctx, `::${node.name}`, node.position?.start);
			// The same rules as `npm run check`: a typo stops the page instead of rendering an empty table.
			const [problem] = checkDirective({ name: node.name, attributes });
			if (problem) throw new PageError(`${problem.message} ${problem.hint}`, position);
			if (!isDirectiveName(node.name)) return;
			const page = state(ctx.data);
			const id = `${node.name}-${++page.tables}`;
			if (node.name === 'clinic-claims') {
				ctx.replaceNode(
					node,
					html(
						ctx.sourceFormat,
						renderClaims(evidence.claims, (keys) => cite(page, keys)),
						true,
					),
				);
				return;
			}
			if (node.name === 'glossary') {
				const entries = glossary
					.map(
						(t) =>
							`<dt id="${t.id}">${escapeHtml(t.term)}</dt><dd>${renderExplanation(t.definition, (keys) => cite(page, keys))}</dd>`,
					)
					.join('');
				ctx.replaceNode(
					node,
					html(ctx.sourceFormat, `<dl class="kpe-glossary">${entries}</dl>`, true),
				);
				return;
			}
			if (node.name === 'protocol-table') {
				// Every study of effect that reports a regimen, under each condition it studied.
				const rows = Object.entries(CONDITION_LABELS).flatMap(([condition, label]) =>
					selectProtocolRows(allFacts(), condition as Condition)
						.map((f) => ({ facts: f, csl: library.entries.get(f.key)!.csl }))
						.sort(compareStudies)
						.map((row) => ({ ...row, condition: label, citeHtml: cite(page, [row.facts.key]) })),
				);
				const caption = attributes.caption ?? 'Regimens used in the studies, by condition';
				ctx.replaceNode(node, html(ctx.sourceFormat, renderProtocolTable(id, caption, rows), true));
				return;
			}
			if (node.name === 'claims-for') {
				const related = evidence.claims.filter(
					({ claim }) =>
						(attributes.condition &&
							claim.conditions.includes(attributes.condition as Condition)) ||
						(attributes.topic && claim.topics.includes(attributes.topic)),
				);
				ctx.replaceNode(node, html(ctx.sourceFormat, renderClaimLinks(related), true));
				return;
			}
			if (node.name === 'evidence-table') {
				const keys = listAttribute(attributes.keys);
				keys.forEach((key) => assertKnown(key, position));
				const chosen = selectEvidenceTable(allFacts(), {
					keys,
					condition: attributes.condition as Condition | undefined,
					designs: listAttribute(attributes.designs),
				});
				const rows = chosen
					.map((key) => {
						const record = facts.byKey.get(key);
						if (!record)
							throw new PageError(
								`the evidence table lists "${key}", which has no facts file.`,
								position,
							);
						return { facts: record.facts, csl: library.entries.get(key)!.csl };
					})
					.sort(compareStudies)
					.map((row) => ({ ...row, citeHtml: cite(page, [row.facts.key]) }));
				const caption = attributes.caption ?? 'Studies in the evidence library';
				ctx.replaceNode(node, html(ctx.sourceFormat, renderEvidenceTable(id, caption, rows), true));
				return;
			}
			const frontmatter = ((ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro
				?.frontmatter ?? {}) as {
				outcomes?: unknown[];
			};
			const outcomes = (frontmatter.outcomes ?? []).map((o) => outcomeSchema.parse(o));
			if (outcomes.length === 0)
				throw new PageError(
					'::summary-of-findings needs `outcomes` in the page frontmatter.',
					position,
				);
			const rows = outcomes.map((outcome) => {
				outcome.studies.forEach((key) => assertKnown(key, position));
				return {
					outcome,
					studies: outcome.studies.map((key) => {
						const record = facts.byKey.get(key);
						if (!record)
							throw new PageError(
								`the outcome "${outcome.outcome}" lists "${key}", which has no facts file.`,
								position,
							);
						return { facts: record.facts };
					}),
					citeHtml: cite(page, outcome.studies),
				};
			});
			const caption = attributes.caption ?? 'Summary of findings';
			ctx.replaceNode(
				node,
				html(ctx.sourceFormat, renderSummaryOfFindings(id, caption, rows), true),
			);
		},
		after(root, ctx) {
			const page = (ctx.data as Record<string, unknown>)[STATE] as PageState | undefined;
			if (!page || page.order.size === 0) return;
			// Recorded while rendering, so "cited on" is exactly what readers see (not a second guess).
			const frontmatter = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro
				?.frontmatter;
			if (frontmatter) frontmatter[CITED_KEYS] = [...page.order.keys()];
			const entries = page.order.keys().map((key) => library.entries.get(key)!);
			const list = renderBibliography(
				formatReferences(entries, { isVerified }).map((reference) => ({
					reference,
					citedAt: page.citedAt.get(reference.key) ?? [],
				})),
			);
			ctx.appendChild(root, [
				{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'References' }] },
				html(ctx.sourceFormat, list, true) as never,
			]);
		},
	});

	function assertKnown(key: string, position: Position | undefined) {
		if (library.entries.has(key)) return;
		throw new PageError(
			`the citation "${key}" is not in references/*.bib.${suggestion(nearestKeys(key, library.entries.keys()))} Run \`npm run check\` to list every problem.`,
			position,
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
		sections: [],
		linked: new Set(),
		order: new CitationOrder(),
		clusters: 0,
		tables: 0,
		citedAt: new Map(),
	}) as PageState;
}

function inPlainLayer(page: PageState, line: number | undefined): boolean {
	if (line === undefined) return false;
	const section = page.sections.filter((s) => s.line <= line).at(-1);
	return section?.plain ?? false;
}

type Position = { line: number; column: number };

/**
 * The position of a node in the page file. MDX positions count from the top of the file; a .md page
 * is rendered without its frontmatter, so its positions are shifted: find the text in the file instead.
 */
function locate(
	ctx: { sourceFormat: string; fileURL?: URL | undefined },
	text: string,
	start: Position | undefined,
): Position | undefined {
	if (ctx.sourceFormat === 'mdx' || !ctx.fileURL) return start;
	const source = readFileSync(ctx.fileURL, 'utf8');
	const offset = source.indexOf(text);
	if (offset < 0) return start;
	const before = source.slice(0, offset);
	return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Raw HTML for the page: an `html` node in Markdown; in MDX (no html nodes), raw text with braces kept literal. */
function html(sourceFormat: string, value: string, flow = false) {
	// In MDX (no html nodes), a `<Fragment set:html="…">` JSX node built directly: the MDX compiler
	// emits one JSX call with a string literal instead of one per element, and nothing is re-parsed,
	// which keeps citation-heavy pages fast to build.
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
