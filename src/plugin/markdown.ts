/** Adds the evidence plugins to the Markdown processor Astro resolved (Sätteri, shared by .md and .mdx). */
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { isSatteriProcessor } from '@astrojs/markdown-satteri';
import { AstroError } from 'astro/errors';
import type { Evidence } from '../engine/check/check-project.ts';
import { evidencePlugins } from '../markdown/index.ts';
import { headingLinks } from '../markdown/heading-links.ts';
import { satteriBaseLinks } from '../markdown/satteri-base-links.ts';

type MarkdownProcessor = NonNullable<AstroConfig['markdown']['processor']>;

/** Links to headings in the pages Starlight renders (its own are off: see src/markdown/heading-links.ts). */
export interface HeadingLinksSetting {
	/** Absolute folders (ending in `/`) whose Markdown gets the links: Starlight's docs and processed folders. */
	dirs: string[];
	/** The accessible-name maker for the page at `path` (absolute), in that page's language. */
	label(path: string): (title: string) => string;
}

/** `evidence` is called when the first page is rendered (it checks the library if not yet done). */
export function addMarkdownPlugins(
	processor: MarkdownProcessor,
	evidence: () => Evidence,
	base: string,
	links?: HeadingLinksSetting,
): void {
	if (!isSatteriProcessor(processor))
		throw new AstroError(
			`The evidence plugin needs the Sätteri Markdown processor, not "${processor.name}".`,
			'Remove `markdown.processor` from astro.config.mjs: Astro 7 uses Sätteri by default.',
		);
	let made: { for: Evidence; plugins: ReturnType<typeof evidencePlugins> } | undefined;
	// A factory, called once per page: the plugins are made on the first page, then reused until
	// the evidence changes (an edit checked again on the dev server).
	processor.options.mdastPlugins.push(() => {
		const current = evidence();
		if (made?.for !== current) made = { for: current, plugins: evidencePlugins(current, { base }) };
		return made.plugins;
	});
	// Root-relative links written in page text (`[x](/topics/safety/)`, `<LinkCard href="/claims/">`).
	processor.options.mdastPlugins.push(satteriBaseLinks(base));
	if (links)
		processor.options.hastPlugins.push(({ fileURL }) => {
			const path = fileURL && fileURLToPath(fileURL);
			if (!path || !links.dirs.some((dir) => path.startsWith(dir))) return undefined;
			return headingLinks(links.label(path));
		});
}
