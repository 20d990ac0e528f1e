/**
 * Heading links (src/markdown/heading-links.ts and styles/heading-links.css): the exact markup, the
 * ids Astro gives headings, the accessible name, and the two things copied from Starlight (its link
 * icon and its CSS layer order) still matching the installed Starlight.
 */
import { astroPageData } from '../support/render-markdown.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { headingLinks, headingLinksPlugin } from '../../src/markdown/heading-links.ts';

const label = (title: string) => `Section titled “${title}”`;
/** Sätteri's result is a promise when a plugin is asynchronous; these are not, but the type says either. */
async function render(markdown: string): Promise<string> {
	const { html } = await markdownToHtml(markdown, {
		hastPlugins: headingLinks(label),
		data: astroPageData(),
	});
	return html;
}

describe('heading links', () => {
	it('wrap a heading with one link named by aria-label, and nothing inside the link', async () => {
		expect(await render('## What did they find?\n')).toBe(
			'<div class="sl-heading-wrapper level-h2"><h2 id="what-did-they-find">What did they find?</h2>' +
				'<a class="sl-anchor-link" href="#what-did-they-find" aria-label="Section titled “What did they find?”"></a></div>\n',
		);
	});

	it('give repeated headings the ids Astro gives them, each link pointing at its own heading', async () => {
		const html = await render('### Key messages\n\ntext\n\n#### Key messages\n');
		expect([...html.matchAll(/<h\d id="([^"]+)"/g)].map((m) => m[1])).toEqual([
			'key-messages',
			'key-messages-1',
		]);
		expect([...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual([
			'key-messages',
			'key-messages-1',
		]);
		expect(html).toContain('class="sl-heading-wrapper level-h4"');
	});

	it('name the link with the heading’s text alone (no markup), escaped in the attribute', async () => {
		const html = await render('## A "quoted" *word* & more\n');
		expect(html).toContain('aria-label="Section titled “A &quot;quoted&quot; word &amp; more”"');
	});
	it('leaves a heading without an id as it is (the id step runs first in the build)', () => {
		const { html } = markdownToHtml('## No id\n', {
			hastPlugins: [headingLinksPlugin(label)],
		});
		expect(html).toBe('<h2>No id</h2>\n');
	});
});

describe('the heading-link styles', () => {
	const css = readFileSync(new URL('../../src/styles/heading-links.css', import.meta.url), 'utf8');
	// Starlight's exports hide its files: resolve an exported component and go up to `dist/`.
	const starlight = dirname(
		dirname(createRequire(import.meta.url).resolve('@astrojs/starlight/components/Search.astro')),
	);

	it('draw Starlight’s own link icon', () => {
		const icons = readFileSync(join(starlight, 'components-internals/Icons.js'), 'utf8');
		const starlightPath = /"link-alt": "<path d=\\"([^\\]+)\\"/.exec(icons)?.[1];
		expect(starlightPath).toBeTruthy();
		expect(css).toContain(`%3Cpath d='${starlightPath}'`);
	});

	it('state Starlight’s layer order as Starlight does', () => {
		const layers = readFileSync(join(starlight, 'style/layers.css'), 'utf8').trim();
		expect(css).toContain(layers.split('\n')[0]);
	});
});
