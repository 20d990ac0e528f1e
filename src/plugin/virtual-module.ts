/** `virtual:ketamine-pain-evidence`: the build's one evidence snapshot, for pages and middleware. */
import type { Plugin } from 'vite';

export const VIRTUAL_ID = 'virtual:ketamine-pain-evidence';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function vitePluginEvidenceSnapshot(): Plugin {
	const snapshotModule = new URL('./snapshot.ts', import.meta.url).pathname;
	return {
		name: 'ketamine-pain-evidence:snapshot',
		resolveId(id) {
			return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
		},
		load(id) {
			if (id !== RESOLVED_ID) return undefined;
			// `evidence` is a live binding: on the dev server it is replaced when an edit is checked
			// again (announceEvidence), so pages never render with a library older than the files.
			return [
				`import { onEvidenceChecked, publishedSnapshot } from ${JSON.stringify(snapshotModule)};`,
				`const snapshot = publishedSnapshot();`,
				`export let evidence = snapshot.evidence;`,
				`export const root = snapshot.root;`,
				`export const contentDir = snapshot.contentDir;`,
				`onEvidenceChecked(${JSON.stringify(VIRTUAL_ID)}, (next) => { evidence = next; });`,
			].join('\n');
		},
	};
}
