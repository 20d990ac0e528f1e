/**
 * The evidence library as the build sees it: checked once when Astro loads its config (once per
 * build, not per page), then wired into Astro's Markdown processor as the citation plugin.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { getEvidence, type Evidence } from '../lib/evidence/check-project.ts';
import { EvidenceCheckError } from '../lib/evidence/diagnostics.ts';
import { satteriCitations } from '../plugins/satteri-citations.ts';
import { satteriBaseLinks } from '../plugins/satteri-base-links.ts';

/** Loads and checks the library, facts and pages; throws with every problem listed if any check fails. */
export function checkedEvidence(root: string = process.cwd()): Evidence {
	const evidence = getEvidence({ root });
	if (evidence.diagnostics.length > 0) throw new EvidenceCheckError(evidence.diagnostics);
	return evidence;
}

/** Astro 7's default Markdown processor (Sätteri) with our citation plugin; Starlight adds its own to it. */
export function markdownProcessor(evidence: Evidence) {
	return satteri({ mdastPlugins: [satteriCitations(evidence), satteriBaseLinks()] });
}
