/**
 * The checked evidence of the current build, published once by the integration and read by the
 * Markdown plugins, the study pages (through `virtual:ketamine-pain-evidence`) and the dev-server
 * middleware. It lives on `globalThis` because Astro prerenders pages from a separate bundle in the
 * same process: a module-level variable would be a second, empty copy in that bundle.
 */
import type { Evidence } from '../engine/check/check-project.ts';

export interface EvidenceSnapshot {
	/** Absolute project root: diagnostics hold paths relative to it. */
	root: string;
	/** The plugin's `content` option: the folder of the pages editors write, relative to `root`. */
	contentDir: string;
	evidence: Evidence;
}

const SLOT = Symbol.for('ketamine-pain-evidence.snapshot');
const LISTENERS = Symbol.for('ketamine-pain-evidence.snapshot-listeners');
type Slot = {
	[SLOT]?: EvidenceSnapshot;
	[LISTENERS]?: Map<string, (evidence: Evidence) => void>;
};

export function publishSnapshot(snapshot: EvidenceSnapshot): void {
	(globalThis as Slot)[SLOT] = snapshot;
}

/**
 * Dev server: called with the evidence each time the library is checked again after an edit, so
 * modules that hold it (`virtual:ketamine-pain-evidence`) serve the new one. One listener per `id`:
 * a module evaluated again replaces its old listener.
 */
export function onEvidenceChecked(id: string, listener: (evidence: Evidence) => void): void {
	((globalThis as Slot)[LISTENERS] ??= new Map()).set(id, listener);
}

export function announceEvidence(evidence: Evidence): void {
	for (const listener of (globalThis as Slot)[LISTENERS]?.values() ?? []) listener(evidence);
}

export function publishedSnapshot(): EvidenceSnapshot {
	const snapshot = (globalThis as Slot)[SLOT];
	if (!snapshot)
		throw new Error(
			'No evidence snapshot: add `evidence()` to the Starlight `plugins` in astro.config.mjs.',
		);
	return snapshot;
}
