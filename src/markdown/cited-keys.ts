/** The metadata field (in `remarkPluginFrontmatter`) listing the keys a page cites, in citation order. */
export const CITED_KEYS = 'evidenceCitedKeys';
