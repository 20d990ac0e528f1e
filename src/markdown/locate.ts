import { readFileSync } from 'node:fs';
import type { Position } from './nodes.ts';

/**
 * The position of a node in the page file. MDX positions count from the top of the file; a .md page
 * is rendered without its frontmatter, so its positions are shifted: find the text in the file instead.
 */
export function locate(
	ctx: { sourceFormat: string; fileURL?: URL | undefined },
	text: string,
	start: Position | undefined,
): Position | undefined {
	if (ctx.sourceFormat === 'mdx' || !ctx.fileURL) return start;
	const source = readFileSync(ctx.fileURL, 'utf8');
	const offset = source.indexOf(text);
	if (offset < 0) return start;
	const before = source.slice(0, offset);
	return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
