/**
 * The plugin's Markdown wiring (src/plugin/markdown.ts, src/plugin/starlight-files.ts): the evidence
 * plugins and heading links join Astro's Sätteri processor, heading links only in the folders
 * Starlight transforms, and the leaner tables of contents find Starlight's own script.
 */
import { astroPageData } from '../support/render-markdown.ts';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/check/check-project.ts';
import { addMarkdownPlugins } from '../../src/plugin/markdown.ts';
import {
	STARLIGHT_BADGE_ID,
	STARLIGHT_TOC_ID,
	starlightTocScript,
	vitePluginStarlightFiles,
} from '../../src/plugin/starlight-files.ts';

const evidence = checkProject({
	root: fileURLToPath(new URL('../fixtures/evidence/valid/', import.meta.url)),
});

/** Renders `markdown` as the file at `path` through the processor's plugins, as Astro does. */
async function render(processor: ReturnType<typeof satteri>, path: string, markdown: string) {
	const { html } = await markdownToHtml(markdown, {
		mdastPlugins: processor.options.mdastPlugins,
		hastPlugins: processor.options.hastPlugins,
		features: { directive: true },
		fileURL: pathToFileURL(path),
		data: astroPageData(),
	});
	return html;
}

describe('the plugin’s Markdown wiring', () => {
	const links = {
		dirs: ['/site/content/'],
		label: (path: string) => (title: string) => `${title} (${path.split('/').pop()})`,
	};

	it('adds heading links, named in the page’s language, to pages in Starlight’s folders only', async () => {
		const processor = satteri();
		addMarkdownPlugins(processor, () => evidence, '/', links);
		expect(await render(processor, '/site/content/crps.md', '## Doses\n')).toContain(
			'<a class="sl-anchor-link" href="#doses" aria-label="Doses (crps.md)"></a>',
		);
		expect(await render(processor, '/site/elsewhere/notes.md', '## Doses\n')).toBe(
			'<h2>Doses</h2>\n',
		);
	});

	it('adds none when the site turned heading links off', async () => {
		const processor = satteri();
		addMarkdownPlugins(processor, () => evidence, '/');
		expect(processor.options.hastPlugins).toEqual([]);
		expect(await render(processor, '/site/content/crps.md', '## Doses\n')).toBe('<h2>Doses</h2>\n');
	});

	it('refuses another Markdown processor, saying how to fix it', () => {
		const processor = { ...satteri(), name: 'unified' } as unknown as ReturnType<typeof satteri>;
		expect(() => addMarkdownPlugins(processor, () => evidence, '/')).toThrow(/needs the Sätteri/);
	});
});

describe('Starlight’s table-of-contents script and Badge', () => {
	it('are what the virtual modules resolve to, and nothing else is', () => {
		const plugin = vitePluginStarlightFiles(process.cwd());
		const resolve = plugin.resolveId as (id: string) => string | undefined;
		expect(resolve(STARLIGHT_TOC_ID)).toBe(starlightTocScript(process.cwd()));
		expect(resolve(STARLIGHT_BADGE_ID)).toMatch(
			/@astrojs\/starlight\/dist\/user-components\/Badge\.astro$/,
		);
		expect(existsSync(resolve(STARLIGHT_BADGE_ID)!)).toBe(true);
		expect(resolve('virtual:something-else')).toBeUndefined();
	});

	it('stops the build, naming the file to fix, when Starlight no longer has it there', () => {
		const root = mkdtempSync(join(tmpdir(), 'kpe-toc-'));
		try {
			const starlight = join(root, 'node_modules/@astrojs/starlight');
			mkdirSync(join(starlight, 'dist/components'), { recursive: true });
			writeFileSync(
				join(starlight, 'package.json'),
				JSON.stringify({
					name: '@astrojs/starlight',
					exports: { './components/*': './dist/components/*' },
				}),
			);
			writeFileSync(join(starlight, 'dist/components/TableOfContents.astro'), '');
			writeFileSync(join(root, 'package.json'), '{}');
			expect(() => starlightTocScript(root)).toThrow(/table-of-contents script is not at/);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
