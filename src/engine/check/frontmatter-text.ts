/**
 * Checks on the text of a page's frontmatter that Starlight shows in places it does not escape.
 *
 * Starlight writes the page title into `<title>` without escaping it (its head entries are rendered as
 * raw HTML), and uses it for the sidebar and the page heading. So `title` and `sidebar.label` are
 * title-like: `<` and `>` are refused there, as are invisible formatting characters. (The site also
 * escapes `<title>` itself: see src/plugin/route-middleware/page-title.ts; this check tells the editor first.) Other
 * string fields may hold such characters and are escaped on every path to HTML.
 */
import type { z } from 'zod';
import { LineCounter, isScalar, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../problems/diagnostics.ts';
import { findInvisible, findMarkup } from '../read/text-safety.ts';

/** Frontmatter fields shown as a title, as paths into the data. */
export const TITLE_FIELDS: readonly (readonly string[])[] = [['title'], ['sidebar', 'label']];

/** The problems with one title-like value, as sentences (empty when it is fine). */
export function titleTextProblems(value: string): string[] {
	const problems: string[] = [];
	const markup = findMarkup(value);
	if (markup)
		problems.push(
			`contains ${markup.description}, which a browser could read as markup in the page's <title>; write it in words ("less than", "greater than") or leave it out.`,
		);
	const invisible = findInvisible(value);
	if (invisible)
		problems.push(
			`contains an invisible character (${invisible.description}) that can make it display as something else; retype it without.`,
		);
	return problems;
}

function valueAt(data: unknown, path: readonly string[]): unknown {
	let value = data;
	for (const part of path) {
		if (!value || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	return value;
}

/** Adds a zod issue (Astro reports it at the page file) for each title-like field that is unsafe. */
export function checkTitleText(data: unknown, ctx: z.RefinementCtx): void {
	for (const path of TITLE_FIELDS) {
		const value = valueAt(data, path);
		if (typeof value !== 'string') continue;
		for (const problem of titleTextProblems(value))
			ctx.addIssue({
				code: 'custom',
				path: [...path],
				message: `\`${path.join('.')}\` ${problem}`,
			});
	}
}

/** A page's frontmatter as YAML, parsed once for every check that reads it. */
export interface Frontmatter {
	doc: Document.Parsed;
	/** Lines within the frontmatter (line 1 is the one after the opening `---`). */
	lineCounter: LineCounter;
}

export function parseFrontmatter(source: string): Frontmatter | undefined {
	const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
	if (!frontmatter) return undefined;
	const lineCounter = new LineCounter();
	return { doc: parseDocument(frontmatter[1]!, { lineCounter }), lineCounter };
}

/**
 * The same check on a page's source, with the line and column of each field (for `npm run check`,
 * which reports every problem at once before the build runs).
 */
export function checkFrontmatterTitles(
	source: string,
	file: string,
	frontmatter: Frontmatter | undefined = parseFrontmatter(source),
): Diagnostic[] {
	if (!frontmatter) return [];
	const { doc, lineCounter } = frontmatter;
	if (doc.errors.length > 0) return []; // Astro's own frontmatter error names the file and line.
	const out: Diagnostic[] = [];
	for (const path of TITLE_FIELDS) {
		const node = doc.getIn([...path], true);
		if (!isScalar(node) || typeof node.value !== 'string') continue;
		const pos = lineCounter.linePos(node.range?.[0] ?? 0);
		for (const [code, found] of [
			['markup-in-field', findMarkup(node.value)],
			['invisible-character', findInvisible(node.value)],
		] as const) {
			if (!found) continue;
			out.push({
				code,
				file,
				// +1: the frontmatter starts on the line after the opening `---`.
				line: pos.line + 1,
				column: pos.col,
				message:
					code === 'markup-in-field'
						? `\`${path.join('.')}\` contains ${found.description}; Starlight writes the title into the page's <title> as HTML.`
						: `\`${path.join('.')}\` contains an invisible character (${found.description}) that can make it display as something else.`,
				hint:
					code === 'markup-in-field'
						? 'Write it in words ("less than", "greater than") or leave the symbol out.'
						: 'Retype the title without it.',
			});
		}
	}
	return out;
}
