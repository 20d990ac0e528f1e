/**
 * For each study, the pages that cite it, as the Markdown plugin recorded them while rendering each
 * page (its `citedKeys`, src/markdown/page-data.ts). Read through `render()`, so it is the same for .md
 * pages cached by the content layer and .mdx pages compiled by this build.
 */
import { getCollection, render } from 'astro:content';
import { readPageData } from '../markdown/page-data.ts';
import { pageUrl } from '../engine/render/urls.ts';

export interface CitingPage {
	/** Root-relative, without the base path (`/conditions/crps/`): link it with `sitePath`. */
	path: string;
	title: string;
}

/** Computed once per build: the study pages and the export files both ask. */
let cached: Promise<Map<string, CitingPage[]>> | undefined;

export function citedOn(): Promise<Map<string, CitingPage[]>> {
	return (cached ??= collect());
}

async function collect(): Promise<Map<string, CitingPage[]>> {
	const pages = (await getCollection('docs')).sort((a, b) => a.id.localeCompare(b.id));
	const out = new Map<string, CitingPage[]>();
	for (const entry of pages) {
		const { remarkPluginFrontmatter } = await render(entry);
		const keys = readPageData(remarkPluginFrontmatter).citedKeys;
		const page = { path: pageUrl(entry.id), title: entry.data.title };
		for (const key of keys) out.set(key, [...(out.get(key) ?? []), page]);
	}
	return out;
}
