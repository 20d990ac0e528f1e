import { readFileSync } from 'node:fs';
import { positionAt, shiftPosition, type Position } from '../engine/read/position.ts';

/**
 * Astro's frontmatter fence, as `@astrojs/internal-helpers/frontmatter` matches it (Astro renders a
 * content entry's `.md` body from what follows it).
 */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)[\s\S]*?\n(?:---|\+\+\+)/;

/**
 * Where a `.md` page's rendered body starts in its file. Astro renders the body without its
 * frontmatter, trimmed (`parseFrontmatter(…).content.trim()`): the first character that is not
 * white space after the closing fence.
 */
export function markdownBodyStart(source: string): Position {
	const fence = FRONTMATTER.exec(source);
	const after = fence ? fence.index + fence[0].length : 0;
	const rest = source.slice(after);
	return positionAt(source, after + (rest.length - rest.trimStart().length));
}

const bodyStarts = new WeakMap<object, Position>();

/**
 * The position in the page file of a node Sätteri placed at `start`. MDX positions count from the
 * top of the file; a `.md` page is rendered from its body alone, so its positions are moved down by
 * where the body starts (read once per page).
 */
export function locate(
	ctx: { sourceFormat: string; fileURL?: URL | undefined; data?: unknown },
	start: Position | undefined,
): Position | undefined {
	if (!start || ctx.sourceFormat === 'mdx' || !ctx.fileURL) return start;
	const key = typeof ctx.data === 'object' && ctx.data ? ctx.data : undefined;
	let body = key && bodyStarts.get(key);
	if (!body) {
		body = markdownBodyStart(readFileSync(ctx.fileURL, 'utf8'));
		if (key) bodyStarts.set(key, body);
	}
	return shiftPosition(body, start);
}
