import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { pageFrontmatterSchema } from './lib/page-frontmatter.ts';

export const collections = {
	// Page text lives in the top-level `content/` folder, not `src/content/docs/`: Starlight's own
	// `docsLoader()` is fixed to the latter, so we use the glob loader it wraps, with the same pattern.
	docs: defineCollection({
		loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
		schema: docsSchema({ extend: pageFrontmatterSchema }),
	}),
};
