/** The evidence Markdown plugins, in the order they must run on each page. */
import type { Evidence } from '../engine/check/check-project.ts';
import { bibliographyPlugin } from './bibliography.ts';
import { citationsPlugin } from './citations.ts';
import { clinicClaimsPlugin } from './directives/claims.ts';
import { glossaryLinksPlugin } from './glossary-links.ts';

export function evidencePlugins(evidence: Evidence, { base = '/' }: { base?: string } = {}) {
	return [
		// First: it turns `::clinic-claims` into headings and cited text for the plugins after it.
		clinicClaimsPlugin(evidence, base),
		citationsPlugin(evidence, base),
		glossaryLinksPlugin(evidence.glossary, base),
		// Last: it lists what the others cited.
		bibliographyPlugin(evidence, base),
	];
}
