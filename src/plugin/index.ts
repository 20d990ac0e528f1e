/**
 * The evidence engine as a Starlight plugin: `plugins: [evidence({ references, content })]`.
 * Options are validated here; the work happens in the Astro integration it adds.
 */
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { evidenceIntegration } from './integration.ts';
import { parseOptions, type EvidenceUserOptions } from './options.ts';

export type { EvidenceUserOptions } from './options.ts';

export default function evidence(userOptions?: EvidenceUserOptions): StarlightPlugin {
	const options = parseOptions(userOptions);
	return {
		name: 'ketamine-pain-evidence',
		hooks: {
			'config:setup'({ addIntegration }) {
				addIntegration(evidenceIntegration(options));
			},
		},
	};
}
