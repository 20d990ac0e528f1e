/**
 * The Astro integration the evidence plugin adds: loads and checks the evidence once per build,
 * publishes it, renders it through the Markdown processor, adds the pages made from it (studies,
 * evidence map, exports) and reports problems through Astro.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkProject, type Evidence } from '../lib/evidence/check-project.ts';
import { evidenceError } from './errors.ts';
import { addMarkdownPlugins } from './markdown.ts';
import type { EvidenceOptions } from './options.ts';
import { EVIDENCE_ROUTES } from './routes.ts';
import { publishSnapshot } from './snapshot.ts';
import { vitePluginEvidenceSnapshot } from './virtual-module.ts';

export function evidenceIntegration(options: EvidenceOptions): AstroIntegration {
	return {
		name: 'ketamine-pain-evidence',
		hooks: {
			'astro:config:setup'({
				command,
				config,
				addMiddleware,
				addWatchFile,
				injectRoute,
				logger,
				updateConfig,
			}) {
				// `astro preview` serves dist/ as built: nothing to check or render.
				if (command === 'preview') return;
				for (const route of EVIDENCE_ROUTES) injectRoute(route);
				const root = fileURLToPath(config.root);
				let checked: Evidence | undefined;
				const evidence = (): Evidence => {
					if (checked) return checked;
					checked = checkProject({
						root,
						referencesDir: options.references,
						factsDir: join(options.references, 'facts'),
						contentDir: options.content,
						claimsDir: join(options.content, 'claims'),
						glossaryFile: join(options.content, 'glossary.yaml'),
					});
					// `astro sync` (and `astro check`, which runs it) checks only if a Markdown page is
					// rendered; it stops on a problem then, as the build does here below.
					if (command === 'sync' && checked.diagnostics.length > 0)
						throw evidenceError(checked.diagnostics, root);
					return checked;
				};
				publishSnapshot({
					root,
					get evidence() {
						return evidence();
					},
				});
				addMarkdownPlugins(config.markdown.processor, evidence, config.base);
				updateConfig({ vite: { plugins: [vitePluginEvidenceSnapshot()] } });
				// The dev server restarts (and checks again) when any of these change.
				for (const dir of [options.references, options.content])
					for (const file of listFiles(join(root, dir))) addWatchFile(file);

				// Types and the content store need no evidence: `npm run check` has checked it already.
				if (command === 'sync') return;
				const { diagnostics } = evidence();
				if (diagnostics.length === 0) return;
				const error = evidenceError(diagnostics, root);
				if (command !== 'dev') throw error;
				// An editor must be able to preview the page they are fixing: serve, and show the problems.
				logger.error(error.message);
				addMiddleware({ entrypoint: new URL('./middleware.ts', import.meta.url), order: 'pre' });
			},
		},
	};
}

function listFiles(dir: string): string[] {
	let entries;
	try {
		entries = readdirSync(dir, { withFileTypes: true, recursive: true });
	} catch (error) {
		// A missing folder is reported by the checks themselves ("empty library"); nothing to watch.
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
