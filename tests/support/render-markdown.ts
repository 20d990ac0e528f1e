/**
 * A page's Markdown through the evidence plugins as the build runs them (Sätteri, directives on),
 * with the page data Astro passes: returns the HTML and the frontmatter the plugins wrote to.
 */
import { markdownToHtml } from 'satteri';
import type { Evidence } from '../../src/engine/check/check-project.ts';
import { evidencePlugins } from '../../src/markdown/index.ts';

/** The page data Astro hands Sätteri's plugins (`data.astro`), for a page with this frontmatter. */
export function astroPageData(frontmatter: Record<string, unknown> = {}) {
	return {
		astro: {
			frontmatter,
			headings: [],
			localImagePaths: new Set<string>(),
			remoteImagePaths: new Set<string>(),
		},
	};
}

export function renderMarkdown(
	markdown: string,
	evidence: Evidence,
	{
		base = '/',
		frontmatter = {},
		fileURL,
	}: { base?: string; frontmatter?: Record<string, unknown>; fileURL?: URL } = {},
) {
	const { html } = markdownToHtml(markdown, {
		mdastPlugins: evidencePlugins(evidence, { base }),
		features: { directive: true },
		...(fileURL ? { fileURL } : {}),
		data: astroPageData(frontmatter),
	});
	return { html, frontmatter };
}
