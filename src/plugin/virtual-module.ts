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
			return [
				`import { publishedSnapshot } from ${JSON.stringify(snapshotModule)};`,
				`const snapshot = publishedSnapshot();`,
				`export const evidence = snapshot.evidence;`,
				`export const root = snapshot.root;`,
			].join('\n');
		},
	};
}
