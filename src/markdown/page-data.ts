/**
 * The data the evidence Markdown plugins share, typed once here:
 * - while a page renders, Sätteri's per-page `ctx.data`: Astro keeps the page's frontmatter at
 *   `astro.frontmatter`, and the plugins keep their state (page-state.ts) under one key of their own;
 * - once it has rendered, what they record in the page's metadata (`remarkPluginFrontmatter`, which
 *   `render(entry)` returns) for components and routes: the keys it cites and its key picture.
 */
import type { IconArrayPicture } from '../engine/render/icon-array.ts';

/** Sätteri's `ctx.data` as the evidence plugins use it. */
export interface SatteriPageData {
	astro?: { frontmatter?: Record<string, unknown> };
	[key: string]: unknown;
}

/** What a rendered page tells components and routes about its evidence. */
export interface EvidencePageData {
	/** The keys the page cites, in citation order (its reference list and export files). */
	citedKeys: string[];
	/** Its key "out of 100 people" picture (the outcome row marked `keyPicture: true`), if any. */
	keyPicture?: IconArrayPicture;
}

/** The metadata fields, named so they cannot clash with a page's own frontmatter. */
const FIELD = { citedKeys: 'evidenceCitedKeys', keyPicture: 'evidenceKeyPicture' } as const;

/** The frontmatter Astro passes through `ctx.data`: what is written there reaches the page's metadata. */
export function pageFrontmatter(data: unknown): Record<string, unknown> | undefined {
	return (data as SatteriPageData).astro?.frontmatter;
}

export function recordPageData(frontmatter: Record<string, unknown>, data: EvidencePageData): void {
	frontmatter[FIELD.citedKeys] = data.citedKeys;
	if (data.keyPicture) frontmatter[FIELD.keyPicture] = data.keyPicture;
}

/** A rendered page's evidence data; a page that cites nothing has none. */
export function readPageData(metadata: Record<string, unknown>): EvidencePageData {
	const keyPicture = metadata[FIELD.keyPicture] as IconArrayPicture | undefined;
	return {
		citedKeys: (metadata[FIELD.citedKeys] as string[] | undefined) ?? [],
		...(keyPicture ? { keyPicture } : {}),
	};
}
