// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { checkedEvidence, markdownProcessor } from './src/integrations/evidence.ts';
import { SITE, absoluteUrl } from './src/lib/site.ts';

// Stops here, listing every problem, if the library, facts or citations fail a check.
const evidence = checkedEvidence();

export default defineConfig({
	// One setting for the address: SITE_URL (and REPO_URL for edit links), see src/lib/site.ts.
	site: SITE.origin,
	base: SITE.base,
	// No telemetry, fonts or scripts from other hosts: patients read this site.
	devToolbar: { enabled: false },
	markdown: { processor: markdownProcessor(evidence) },
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
				// The privacy page promises that following a link sends no referrer.
				{ tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' } },
			],
			lastUpdated: false,
			markdown: { processedDirs: ['./content/'] },
			routeMiddleware: './src/route-data.ts',
			components: {
				MarkdownContent: './src/components/MarkdownContent.astro',
				Footer: './src/components/SiteFooter.astro',
			},
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
						'topics/safety',
						'topics/mood',
					],
				},
				{
					label: 'About this site',
					items: [
						'about',
						'about/how-we-grade',
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
				// Every .mdx page triggers this harmless warning (see ../shared/docs/stack-notes.md §2).
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
