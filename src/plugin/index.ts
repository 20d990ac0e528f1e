/**
 * The evidence engine as a Starlight plugin: `plugins: [evidence({ references, content })]`.
 *
 * It owns its whole feature, as HiDeoo's Starlight plugins do: in `config:setup` it adds its
 * component override, its CSS, its route middleware and the Markdown folder it renders, and its Astro
 * integration (integration.ts) checks the library, adds the Markdown plugins, the routes and the
 * dev-server reload. `astro.config.mjs` keeps the site's own settings.
 */
import { fileURLToPath } from 'node:url';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { evidenceIntegration } from './integration.ts';
import { parseOptions, type EvidenceUserOptions } from './options.ts';

export type { EvidenceUserOptions } from './options.ts';

/** An absolute path to a file of this repository's `src/`, so a project elsewhere (a test fixture) finds it too. */
const srcFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Starlight components the plugin replaces, each with what pages lose without it. */
const COMPONENT_OVERRIDES = {
	// Renders Starlight's own, with the evidence parts around the page's text.
	MarkdownContent: {
		path: srcFile('components/MarkdownContent.astro'),
		adds: 'the "At a glance" box, review dates, update history and citation export',
	},
	// Search results show the title already: indexed again it would outweigh the text.
	PageTitle: {
		path: srcFile('components/PageTitle.astro'),
		adds: 'the title kept out of the search index',
	},
	// Starlight's own, with one element less in each entry (a third of "On this page").
	TableOfContents: {
		path: srcFile('components/TableOfContents.astro'),
		adds: 'the leaner "On this page" list',
	},
	MobileTableOfContents: {
		path: srcFile('components/MobileTableOfContents.astro'),
		adds: 'the leaner "On this page" list on phones',
	},
	// Starlight's own, with a quarter fewer elements on every page.
	Sidebar: {
		path: srcFile('components/Sidebar.astro'),
		adds: 'the leaner sidebar',
	},
	// Starlight's own previous/next links, two elements a link instead of six.
	Pagination: {
		path: srcFile('components/Pagination.astro'),
		adds: 'the leaner previous and next links',
	},
};

/**
 * Styles for what the plugin renders (citations, tables, pictures, study pages, heading links),
 * search results and print.
 */
const CSS = ['site.css', 'heading-links.css', 'search.css', 'print.css'].map((file) =>
	srcFile(`styles/${file}`),
);

export default function evidence(userOptions?: EvidenceUserOptions): StarlightPlugin {
	const options = parseOptions(userOptions);
	return {
		name: 'ketamine-pain-evidence',
		hooks: {
			'config:setup'({
				addIntegration,
				addRouteMiddleware,
				config,
				logger,
				updateConfig,
				useTranslations,
				absolutePathToLang,
			}) {
				const components = { ...config.components };
				for (const [name, { path, adds }] of Object.entries(COMPONENT_OVERRIDES)) {
					const existing = components[name as keyof typeof components];
					// As starlight-blog does: a site's own override wins, with a warning saying what it loses.
					if (existing && existing !== path) {
						logger.warn(
							`The site already overrides Starlight's \`${name}\` (${existing}), so pages lose ${adds}. ` +
								`Remove that override, or render ${path} from it.`,
						);
						continue;
					}
					components[name as keyof typeof components] = path;
				}
				const contentFolder = `./${options.content}/`;
				const processedDirs = config.markdown?.processedDirs ?? [];
				const markdownDirs = processedDirs.includes(contentFolder)
					? processedDirs
					: [...processedDirs, contentFolder];
				// Heading links, if the site keeps them on, come from the evidence Markdown plugins: the
				// same links as Starlight's, in fewer elements (src/markdown/heading-links.ts).
				const headingLinks = config.markdown?.headingLinks !== false;
				updateConfig({
					components,
					customCss: [
						...(config.customCss ?? []),
						...CSS.filter((file) => !config.customCss?.includes(file)),
					],
					markdown: { ...config.markdown, headingLinks: false, processedDirs: markdownDirs },
				});
				// The tab title shortened and escaped; then JSON-LD, hero links under `base`, the home chooser.
				addRouteMiddleware({ entrypoint: srcFile('plugin/route-middleware/page-title.ts') });
				addRouteMiddleware({ entrypoint: srcFile('plugin/route-middleware/page-data.ts') });
				addIntegration(
					evidenceIntegration(
						options,
						headingLinks
							? {
									processedDirs: markdownDirs,
									label(path) {
										const t = useTranslations(absolutePathToLang(path));
										return (title) =>
											t('heading.anchorLabel', { title, interpolation: { escapeValue: false } });
									},
								}
							: undefined,
					),
				);
			},
		},
	};
}
