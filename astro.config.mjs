// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { contentSecurityPolicy } from './src/integrations/csp.ts';
import evidence from './src/plugin/index.ts';

export default defineConfig({
	// No telemetry, fonts or scripts from other hosts: patients read this site.
	devToolbar: { enabled: false },
	// A strict Content-Security-Policy as a <meta> tag on every page: Astro hashes the scripts and
	// styles it emits; nothing loads from another origin (src/integrations/csp.ts says why each part).
	security: { csp: contentSecurityPolicy() },
	integrations: [
		starlight({
			title: 'Ketamine Pain Evidence',
			description:
				'What published studies found about ketamine for chronic pain, condition by condition, and how certain that evidence is.',
			favicon: '/favicon.svg',
			// No page tells another site which page a reader came from (a visit to PubMed from a page
			// about pain stays private).
			head: [{ tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' } }],
			routeMiddleware: './src/route-middleware.ts',
			lastUpdated: false,
			// Checks the library once per build (stopping on any problem), renders `[@key]` citations,
			// evidence tables and bibliographies, and publishes the checked evidence to the study pages.
			plugins: [evidence({ references: 'references', content: 'content' })],
			markdown: { processedDirs: ['./content/'] },
			components: { MarkdownContent: './src/components/MarkdownContent.astro' },
			customCss: ['./src/styles/site.css'],
			// Pages are listed by slug, not `autogenerate`: Starlight's autogenerate matches file paths
			// under `src/content/docs/`, and our pages live in the top-level `content/` folder.
			sidebar: [
				{
					label: 'Start here',
					items: [
						{ label: 'Home', link: '/' },
						'claims',
						{ label: 'All studies', link: '/studies/' },
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
						'topics/safety',
						'topics/mood',
					],
				},
				{ label: 'About this site', items: ['about/how-we-grade', 'glossary', 'about/disclaimer'] },
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
