/**
 * Files of the installed Starlight that it does not export, for the plugin's leaner copies of its
 * components, each behind a virtual module:
 * - `virtual:ketamine-pain-evidence/starlight-toc`: the `starlight-toc` element (the script that
 *   marks the "On this page" link of the section being read), for src/components/TableOfContents.astro
 *   and MobileTableOfContents.astro;
 * - `virtual:ketamine-pain-evidence/starlight-badge`: the Badge component, for the sidebar
 *   (src/components/SidebarSublist.astro). Exported only through Starlight's component index, whose
 *   import brings the styles of every Starlight component an MDX page uses onto every page.
 * Each file is found from an exported component; if Starlight ever moves one, the build stops here
 * saying so, rather than shipping a table of contents that never highlights.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AstroError } from 'astro/errors';
import type { Plugin } from 'vite';

export const STARLIGHT_TOC_ID = 'virtual:ketamine-pain-evidence/starlight-toc';
export const STARLIGHT_BADGE_ID = 'virtual:ketamine-pain-evidence/starlight-badge';

/** A file of the installed Starlight, from a project at `root`, by its path under `dist/`. */
function starlightFile(root: string, path: string, what: string): string {
	const require = createRequire(join(root, 'package.json'));
	const components = dirname(
		require.resolve('@astrojs/starlight/components/TableOfContents.astro'),
	);
	const file = join(components, '..', path);
	if (!existsSync(file))
		throw new AstroError(
			`Starlight's ${what} is not at ${file}.`,
			'Starlight moved it: point src/plugin/starlight-files.ts at its new place.',
		);
	return file;
}

/** The `starlight-toc` script's file in the installed Starlight. */
export function starlightTocScript(root: string): string {
	return starlightFile(
		root,
		'components-internals/TableOfContents/starlight-toc.js',
		'table-of-contents script',
	);
}

/** The Badge component's file in the installed Starlight. */
export function starlightBadge(root: string): string {
	return starlightFile(root, 'user-components/Badge.astro', 'Badge component');
}

export function vitePluginStarlightFiles(root: string): Plugin {
	return {
		name: 'ketamine-pain-evidence:starlight-files',
		resolveId(id) {
			if (id === STARLIGHT_TOC_ID) return starlightTocScript(root);
			if (id === STARLIGHT_BADGE_ID) return starlightBadge(root);
			return undefined;
		},
	};
}
