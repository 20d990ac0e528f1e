/**
 * The checked evidence of the current build, published once by the integration and read by the
 * Markdown plugins, the study pages (through `virtual:ketamine-pain-evidence`) and the dev-server
 * middleware. It lives on `globalThis` because Astro prerenders pages from a separate bundle in the
 * same process: a module-level variable would be a second, empty copy in that bundle.
 */
import type { Evidence } from '../lib/evidence/check-project.ts';

export interface EvidenceSnapshot {
	/** Absolute project root: diagnostics hold paths relative to it. */
	root: string;
	evidence: Evidence;
}

const SLOT = Symbol.for('ketamine-pain-evidence.snapshot');
type Slot = { [SLOT]?: EvidenceSnapshot };

export function publishSnapshot(snapshot: EvidenceSnapshot): void {
	(globalThis as Slot)[SLOT] = snapshot;
}

export function publishedSnapshot(): EvidenceSnapshot {
	const snapshot = (globalThis as Slot)[SLOT];
	if (!snapshot)
		throw new Error(
			'No evidence snapshot: add `evidence()` to the Starlight `plugins` in astro.config.mjs.',
		);
	return snapshot;
}
