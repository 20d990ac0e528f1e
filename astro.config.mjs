// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { contentSecurityPolicy } from './src/site/csp-integration.ts';
import evidence from './src/plugin/index.ts';
import { SITE, absoluteUrl } from './src/site/site.ts';

export default defineConfig({
	// One setting for the address: SITE_URL (and REPO_URL for edit links), see src/site/site.ts.
	site: SITE.origin,
	base: SITE.base,
	// No telemetry, fonts or scripts from other hosts: patients read this site.
	devToolbar: { enabled: false },
	// A strict Content-Security-Policy as a <meta> tag on every page: Astro hashes the scripts and
	// styles it emits; nothing loads from another origin (src/site/csp-integration.ts says why each part).
	security: { csp: contentSecurityPolicy() },
	integrations: [
		starlight({
			title: 'Ketamine Pain Evidence',
			description:
				'What published studies found about ketamine for chronic pain, condition by condition, and how certain that evidence is.',
			favicon: '/favicon.svg',
			// Pages live in the top-level `content/`; Starlight appends the entry's path from the root.
			editLink: { baseUrl: `${SITE.repo}/edit/${SITE.branch}/` },
			head: [
				// One static social card, so the large-image card Starlight declares is real.
				{ tag: 'meta', attrs: { property: 'og:image', content: absoluteUrl('/social-card.png') } },
				{ tag: 'meta', attrs: { property: 'og:image:width', content: '1200' } },
				{ tag: 'meta', attrs: { property: 'og:image:height', content: '630' } },
				{
					tag: 'meta',
					attrs: {
						property: 'og:image:alt',
						content: 'Ketamine Pain Evidence: what studies found about ketamine for chronic pain',
					},
				},
				{ tag: 'meta', attrs: { name: 'twitter:image', content: absoluteUrl('/social-card.png') } },
				{
					tag: 'link',
					attrs: {
						rel: 'alternate',
						type: 'application/rss+xml',
						title: 'Ketamine Pain Evidence: updates',
						href: absoluteUrl('/rss.xml'),
					},
				},
				// No page tells another site which page a reader came from (a visit to PubMed from a page
				// about pain stays private).
				{ tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' } },
			],
			lastUpdated: false,
			// Search ranking (Pagefind 1.6). Condition and topic pages outrank the study pages that
			// mention the same words: `subject` (the title and section headings of a page written by
			// editors, with their synonyms) is hidden metadata that src/middleware.ts adds to each page;
			// `pageLength: 0` stops short study pages winning only because they are short. `keywords`
			// (frontmatter `searchKeywords`: what readers type) ranks like `subject`; `synonyms` (words of
			// content/search-synonyms.yaml for words the page uses) lets them match, kept out of excerpts.
			pagefind: {
				ranking: {
					pageLength: 0,
					metaWeights: { title: 5, subject: 10, keywords: 10, synonyms: 3 },
				},
			},
			// The evidence plugin (src/plugin/): checks the library once per build (stopping on any
			// problem), renders `[@key]` citations, tables, pictures and bibliographies, adds the study
			// pages, and brings its own page parts, styles and route middleware.
			plugins: [evidence({ references: 'references', content: 'content' })],
			components: { Footer: './src/components/SiteFooter.astro' },
			// Pages are listed by slug, not `autogenerate`: Starlight's autogenerate matches file paths
			// under `src/content/docs/`, and our pages live in the top-level `content/` folder.
			sidebar: [
				{
					label: 'Start here',
					items: [
						{ label: 'Home', link: '/' },
						'claims',
						{ label: 'All studies', link: '/studies/' },
						{ label: 'Evidence map', link: '/evidence-map/' },
					],
				},
				{
					label: 'Conditions',
					items: [
						'conditions/fibromyalgia',
						'conditions/migraine',
						'conditions/neuropathic-pain',
						'conditions/phantom-limb-pain',
						'conditions/crps',
					],
				},
				{
					label: 'Little evidence',
					items: [
						'conditions/chronic-low-back-pain',
						'conditions/arthritis',
						'conditions/endometriosis',
						'conditions/cancer-pain',
					],
				},
				{
					label: 'Topics',
					items: [
						'topics',
						'topics/mechanisms',
						'topics/protocols',
						'topics/regimens-by-study',
						'topics/safety',
						'topics/mood',
					],
				},
				{
					label: 'About this site',
					items: [
						'about',
						'about/how-we-grade',
						'about/literature-watch',
						'about/conflicts-of-interest',
						'about/privacy',
						'about/contact',
						{ label: 'Changelog', link: '/changelog/' },
						'glossary',
						'about/disclaimer',
					],
				},
			],
		}),
		mdx(),
	],
	vite: {
		build: {
			rolldownOptions: {
				// Every .mdx page triggers this harmless warning: MDX marks its modules for head injection.
				onwarn(warning, warn) {
					if (
						warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
						warning.message.includes('astro:head-inject')
					)
						return;
					warn(warning);
				},
			},
		},
	},
});
