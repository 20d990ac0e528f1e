import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { checkPageFrontmatter, pageFields } from './engine/read/page-frontmatter.ts';
import { checkTitleText } from './engine/check/frontmatter-text.ts';

export const collections = {
	// Page text lives in the top-level `content/` folder, not `src/content/docs/`: Starlight's own
	// `docsLoader()` is fixed to the latter, so we use the glob loader it wraps, with the same pattern.
	docs: defineCollection({
		loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
		// `extend` merges fields only, so our cross-field checks are applied to the merged schema.
		schema: (context) =>
			docsSchema({ extend: pageFields })(context).superRefine((data, ctx) => {
				checkPageFrontmatter(data, ctx);
				checkTitleText(data, ctx);
			}),
	}),
};
