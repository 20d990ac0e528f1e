/** The plugin's options, validated at the boundary (what an editor may set in astro.config.mjs). */
import { z } from 'astro/zod';
import { AstroError } from 'astro/errors';

/** `./content/` and `content` name the same folder: kept as `content`, the form file paths start with. */
const folder = z
	.string()
	.min(1)
	.transform((dir) => dir.replace(/^(\.\/)+|\/+$/g, ''));

export const EvidenceOptionsSchema = z
	.object({
		/**
		 * Folder holding the BibTeX library (`*.bib`) and its `facts/<key>.yaml` files, relative to the
		 * project root.
		 * @default 'references'
		 * @example 'references'
		 */
		references: folder.default('references'),
		/**
		 * Folder holding the pages (`*.md`, `*.mdx`), the clinic claims (`claims/*.yaml`) and the
		 * glossary (`glossary.yaml`), relative to the project root.
		 * @default 'content'
		 * @example 'content'
		 */
		content: folder.default('content'),
	})
	.strict()
	.default({ references: 'references', content: 'content' });

export type EvidenceUserOptions = z.input<typeof EvidenceOptionsSchema>;
export type EvidenceOptions = z.output<typeof EvidenceOptionsSchema>;

/** Validates the options, or stops with what is wrong and where to look. */
export function parseOptions(userOptions: unknown): EvidenceOptions {
	const parsed = EvidenceOptionsSchema.safeParse(userOptions);
	if (parsed.success) return parsed.data;
	throw new AstroError(
		`Invalid options passed to the evidence plugin:\n${parsed.error.issues
			.map((issue) => `- ${issue.path.join('.') || '(options)'}: ${issue.message}`)
			.join('\n')}`,
		'Check `plugins: [evidence({ references, content })]` in astro.config.mjs (see src/plugin/options.ts).',
	);
}
