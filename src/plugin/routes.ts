/**
 * The pages the evidence plugin adds to the site, injected in `astro:config:setup` (as Starlight
 * plugins such as starlight-blog do) from this folder rather than living in `src/pages/`: they are
 * made from the checked library, so they come and go with the plugin.
 */
import type { InjectedRoute } from 'astro';

const entrypoint = (file: string) => new URL(`./routes/${file}`, import.meta.url);

export const EVIDENCE_ROUTES: readonly InjectedRoute[] = [
	// One page per study: reference, facts, and every page that cites it.
	{ pattern: '/studies/[key]', entrypoint: entrypoint('study.astro') },
	// The library as a table, and its static views (by year, by size, by condition, by design).
	{ pattern: '/studies', entrypoint: entrypoint('studies.astro') },
	{ pattern: '/studies/[...view]', entrypoint: entrypoint('studies-view.astro') },
	// Conditions × graded outcomes, with studies and certainty.
	{ pattern: '/evidence-map', entrypoint: entrypoint('evidence-map.astro') },
	// BibTeX and RIS files: the whole library, each study, each page's references.
	{ pattern: '/exports/[...file]', entrypoint: entrypoint('exports.ts') },
].map((route) => ({ ...route, prerender: true }));
