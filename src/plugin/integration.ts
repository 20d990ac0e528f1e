/**
 * The Astro integration the evidence plugin adds: loads and checks the evidence once per build,
 * publishes it, renders it through the Markdown processor, adds the pages made from it (studies,
 * evidence map, exports) and reports problems through Astro.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkProject, type Evidence } from '../engine/check/check-project.ts';
import { evidenceError } from './errors.ts';
import { addMarkdownPlugins, type HeadingLinksSetting } from './markdown.ts';
import type { EvidenceOptions } from './options.ts';
import { EVIDENCE_ROUTES } from './routes.ts';
import { announceEvidence, publishSnapshot } from './snapshot.ts';
import { FilesStamp, vitePluginEvidenceReload } from './dev-reload.ts';
import { vitePluginEvidenceSnapshot } from './virtual-module.ts';
import { vitePluginStarlightFiles } from './starlight-files.ts';

/** Heading links as Starlight's config asked for them: its folders (relative to the root) and its wording. */
export interface HeadingLinksRequest {
	processedDirs: string[];
	label: HeadingLinksSetting['label'];
}

export function evidenceIntegration(
	options: EvidenceOptions,
	headingLinks?: HeadingLinksRequest,
): AstroIntegration {
	return {
		name: 'ketamine-pain-evidence',
		hooks: {
			'astro:config:setup'({ command, config, addMiddleware, injectRoute, logger, updateConfig }) {
				// `astro preview` serves dist/ as built: nothing to check or render.
				if (command === 'preview') return;
				for (const route of EVIDENCE_ROUTES) injectRoute(route);
				const root = fileURLToPath(config.root);
				const watchedDirs = [options.references, options.content].map((dir) => join(root, dir));
				// On the dev server the evidence is checked again whenever a file it reads changed
				// (dev-reload.ts); a build checks once.
				const stamp = command === 'dev' ? new FilesStamp(watchedDirs) : undefined;
				let checked: Evidence | undefined;
				let checkedAt: string | undefined;
				const evidence = (): Evidence => {
					const now = stamp?.current();
					if (checked && now === checkedAt) return checked;
					const previous = checked;
					checkedAt = now;
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
					if (previous) {
						announceEvidence(checked);
						if (checked.diagnostics.length > 0)
							logger.error(evidenceError(checked.diagnostics, root).message);
						else logger.info('The evidence checks pass again.');
					}
					return checked;
				};
				publishSnapshot({
					root,
					contentDir: options.content,
					get evidence() {
						return evidence();
					},
				});
				// The folders Starlight transforms: its `docs` collection and `markdown.processedDirs`.
				const links = headingLinks && {
					dirs: [
						join(fileURLToPath(config.srcDir), 'content/docs/'),
						...headingLinks.processedDirs.map((dir) => join(resolve(root, dir), '/')),
					],
					label: headingLinks.label,
				};
				addMarkdownPlugins(config.markdown.processor, evidence, config.base, links);
				updateConfig({
					vite: {
						plugins: [
							vitePluginEvidenceSnapshot(),
							vitePluginStarlightFiles(root),
							// Saves under references/ and content/ are checked again without restarting
							// the server (no addWatchFile: Astro restarts the whole server for those).
							vitePluginEvidenceReload({
								dirs: watchedDirs,
								contentDir: join(root, options.content),
								changed: () => {
									checkedAt = undefined;
								},
							}),
						],
					},
				});

				// Types and the content store need no evidence: `npm run check` has checked it already.
				if (command === 'sync') return;
				const { diagnostics } = evidence();
				if (command === 'dev') {
					// An editor must be able to preview the page they are fixing: serve every page, and
					// show the problems on each while there are any (checked again on every request).
					if (diagnostics.length > 0) logger.error(evidenceError(diagnostics, root).message);
					addMiddleware({ entrypoint: new URL('./middleware.ts', import.meta.url), order: 'pre' });
					return;
				}
				if (diagnostics.length > 0) throw evidenceError(diagnostics, root);
			},
		},
	};
}
