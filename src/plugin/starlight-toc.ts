/**
 * `virtual:ketamine-pain-evidence/starlight-toc`: Starlight's `starlight-toc` element (the script that
 * marks the "On this page" link of the section being read), for the plugin's leaner copies of
 * Starlight's table-of-contents components (src/components/TableOfContents.astro and
 * MobileTableOfContents.astro). Starlight does not export that script, so its file is found from an
 * exported component; if Starlight ever moves it, the build stops here saying so, rather than
 * shipping a table of contents that never highlights.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AstroError } from 'astro/errors';
import type { Plugin } from 'vite';

export const STARLIGHT_TOC_ID = 'virtual:ketamine-pain-evidence/starlight-toc';

/** The script's file in the installed Starlight, from a project at `root`. */
export function starlightTocScript(root: string): string {
	const require = createRequire(join(root, 'package.json'));
	const components = dirname(
		require.resolve('@astrojs/starlight/components/TableOfContents.astro'),
	);
	const script = join(components, '../components-internals/TableOfContents/starlight-toc.js');
	if (!existsSync(script))
		throw new AstroError(
			`Starlight's table-of-contents script is not at ${script}.`,
			'Starlight moved it: point src/plugin/starlight-toc.ts at its new place.',
		);
	return script;
}

export function vitePluginStarlightToc(root: string): Plugin {
	return {
		name: 'ketamine-pain-evidence:starlight-toc',
		resolveId(id) {
			return id === STARLIGHT_TOC_ID ? starlightTocScript(root) : undefined;
		},
	};
}
