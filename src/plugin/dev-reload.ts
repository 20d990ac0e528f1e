/**
 * The dev server's edit loop: an edit to the library, a facts file, a claim or a page is checked
 * again on save without restarting the server (a restart took 10-20 s and dropped connections).
 *
 * Two halves, so no edit is ever lost and no page is served with an older library than the files:
 * - pull: `FilesStamp` notes the size and modification time of every file under the watched
 *   folders; the integration checks the evidence again whenever the stamp differs from the one it
 *   was checked at (the dev middleware asks on every request, the Markdown plugins on every page
 *   they compile). An edit made while a check runs changes the stamp again, so the next request
 *   checks again: the last edit always wins.
 * - push: Vite's watcher reports the save; compiled pages are dropped from Vite's module graphs (a
 *   page compiled with the old library would otherwise be served again) and the browser reloads.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite';

/** Files the evidence checks read. */
const WATCHED = /\.(bib|ya?ml|mdx?)$/;

export class FilesStamp {
	readonly #dirs: readonly string[];
	constructor(dirs: readonly string[]) {
		this.#dirs = dirs;
	}
	/** One string that changes whenever a watched file is added, removed or written. */
	current(): string {
		const parts: string[] = [];
		for (const dir of this.#dirs) {
			let names: string[];
			try {
				names = readdirSync(dir, { recursive: true }) as string[];
			} catch {
				continue; // a missing folder is reported by the checks themselves
			}
			for (const name of names.sort()) {
				if (!WATCHED.test(name)) continue;
				try {
					const stat = statSync(join(dir, name));
					parts.push(`${name}\0${stat.size}\0${stat.mtimeMs}`);
				} catch {
					// removed between listing and stat: the next stamp will not list it
				}
			}
		}
		return parts.join('\n');
	}
}

/** True when the content folder holds a plain Markdown page (`.md`). */
function hasMarkdownPages(contentDir: string): boolean {
	try {
		return (readdirSync(contentDir, { recursive: true }) as string[]).some((n) =>
			n.endsWith('.md'),
		);
	} catch {
		return false;
	}
}

/** True for a watched file under one of the folders. */
function isWatched(file: string, dirs: readonly string[]): boolean {
	return WATCHED.test(file) && dirs.some((dir) => file.startsWith(dir + sep));
}

/**
 * Drops every compiled page (Markdown and MDX under `contentDir`) from the server-side module
 * graphs, so the next request compiles it with the library as it is now.
 */
function dropCompiledPages(server: ViteDevServer, contentDir: string): void {
	const timestamp = Date.now();
	for (const [name, environment] of Object.entries(server.environments)) {
		if (name === 'client') continue;
		for (const [file, modules] of environment.moduleGraph.fileToModulesMap) {
			if (!isWatched(file, [contentDir]) || /\.ya?ml$/.test(file)) continue;
			for (const module of modules)
				environment.moduleGraph.invalidateModule(module, undefined, timestamp, true);
			if (isRunnableDevEnvironment(environment))
				for (const evaluated of environment.runner.evaluatedModules.getModulesByFile(file) ?? [])
					environment.runner.evaluatedModules.invalidateModule(evaluated);
		}
	}
}

/** The Vite half: on a save under `dirs`, drop compiled pages and reload the browser. */
export function vitePluginEvidenceReload(options: {
	dirs: readonly string[];
	contentDir: string;
	/** Marks the evidence as to be checked again (the pull half checks before the next page). */
	changed: () => void;
}): Plugin {
	return {
		name: 'ketamine-pain-evidence:dev-reload',
		apply: 'serve',
		configureServer(server) {
			for (const dir of options.dirs) server.watcher.add(dir);
			let timer: ReturnType<typeof setTimeout> | undefined;
			let libraryChanged = false;
			server.watcher.on('all', (_event, file) => {
				if (!isWatched(file, options.dirs)) return;
				options.changed();
				if (!/\.mdx?$/.test(file)) libraryChanged = true;
				// Saves come in bursts (editors write, rename, touch): one reload for the burst.
				clearTimeout(timer);
				timer = setTimeout(() => {
					options.changed();
					// Astro's content layer renders a `.md` page once, into its data store, and renders
					// it again only when the page itself changes: after a library edit such a page would
					// be stale, so a site with `.md` pages restarts (as it did before). MDX pages are
					// compiled on request, and dropping them is enough.
					if (libraryChanged && hasMarkdownPages(options.contentDir)) {
						libraryChanged = false;
						void server.restart();
						return;
					}
					libraryChanged = false;
					dropCompiledPages(server, options.contentDir);
					server.environments.client.hot.send({ type: 'full-reload', path: '*' });
				}, 50);
			});
		},
	};
}
