/**
 * What the evidence plugins know about the page being rendered, shared through Sätteri's per-page
 * `ctx.data`: citation numbers (in order of first citation), where each cluster sits, which
 * glossary terms are already linked, and where the plain-language layer starts.
 */
import type { Element } from 'hast';
import { CitationOrder } from '../engine/read/citations.ts';
import type { Evidence } from '../engine/check/check-project.ts';
import { shortReference } from '../engine/render/format.ts';
import { renderCluster } from '../engine/render/render.ts';
import type { DrawnGrids } from '../engine/render/icon-array.ts';
import type { SatteriPageData } from './page-data.ts';

export interface PageState {
	/** Where each h2 starts and whether it opens the plain-language layer. */
	sections: { line: number; plain: boolean }[];
	/** Glossary terms already linked on this page (each is linked on first use only). */
	linked: Set<string>;
	order: CitationOrder;
	clusters: number;
	tables: number;
	/** For each key, the clusters that cite it (the bibliography's back-links). */
	citedAt: Map<string, number[]>;
	/** "Out of 100 people" grids drawn so far, which later pictures point at. */
	grids: DrawnGrids;
}

const STATE = 'kpeCitations';

export function pageState(data: unknown): PageState {
	return ((data as SatteriPageData)[STATE] ??= {
		sections: [],
		linked: new Set(),
		order: new CitationOrder(),
		clusters: 0,
		tables: 0,
		citedAt: new Map(),
		grids: new Map(),
	}) as PageState;
}

/** The page state if anything was cited or linked, without creating it. */
export function existingPageState(data: unknown): PageState | undefined {
	return (data as SatteriPageData)[STATE] as PageState | undefined;
}

/** Numbers the keys, records where they are cited, and returns the cluster as hast. */
export type Cite = (page: PageState, keys: readonly string[]) => Element;

export function citer(evidence: Evidence): Cite {
	return (page, keys) => {
		const index = ++page.clusters;
		const items = keys.map((key) => {
			const first = !page.citedAt.has(key);
			page.citedAt.set(key, [...(page.citedAt.get(key) ?? []), index]);
			return {
				key,
				first,
				number: page.order.number(key),
				short: shortReference(evidence.library.entries.get(key)!.csl),
			};
		});
		return renderCluster({ index, items });
	};
}
