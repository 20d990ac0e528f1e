/**
 * A page's frontmatter, checked by `npm run check` with file:line before the build reads it: the
 * same alias and size limits as facts files, strict `YYYY-MM-DD` dates that are real days, review
 * dates that are not in the future nor before the evidence search, the site's frontmatter schema
 * (src/engine/read/page-frontmatter.ts), and intervals in summary-of-findings rows.
 *
 * Astro reads frontmatter with js-yaml, which turns `2026-02-30` into 2 March and expands an alias
 * bomb until memory runs out, and reports its schema errors at 0:0. This check reads the text with
 * `yaml` (positions, alias limit) so each problem is named at its line first.
 */
import { isMap, isNode, isSeq } from 'yaml';
import type { Diagnostic } from '../problems/diagnostics.ts';
import { formatSize } from '../read/text-limits.ts';
import { intervalProblems } from '../read/intervals.ts';
import type { Frontmatter } from './frontmatter-text.ts';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'zod';
import { checkPageFrontmatter, isRealIsoDate, pageFields } from '../read/page-frontmatter.ts';

/**
 * The whole schema the build applies (src/content.config.ts): Starlight's own fields (title,
 * sidebar, hero, banner…) and the site's. Image fields are read as the paths they are written as;
 * Astro resolves them later.
 */
const fullSchema = docsSchema({ extend: pageFields })({
	image: () => z.string(),
} as never).superRefine(checkPageFrontmatter);

/** Largest frontmatter, in bytes (the real pages' largest is under 4 KB). */
export const MAX_FRONTMATTER_BYTES = 64 * 1024;

/** Dates a page states about its past: none may lie in the future. */
const PAST_DATES = ['lastReviewed', 'searchDate'] as const;

/**
 * A day of slack for "in the future": an editor east of UTC may write tomorrow's UTC date today.
 */
const ONE_DAY = 24 * 60 * 60 * 1000;

const day = (text: string) => new Date(`${text}T00:00:00Z`);

export function checkPageFrontmatterText(
	file: string,
	frontmatter: Frontmatter | undefined,
	today: Date,
): Diagnostic[] {
	if (!frontmatter) return [];
	const { doc, lineCounter } = frontmatter;
	const out: Diagnostic[] = [];
	const at = (offset: number | undefined) => {
		const p = lineCounter.linePos(offset ?? 0);
		// +1: the frontmatter starts on the line after the opening `---`.
		return { line: p.line + 1, column: p.col };
	};
	const positionOf = (path: readonly (string | number)[]) => {
		for (let depth = path.length; depth >= 0; depth--) {
			const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
			if (isNode(node)) return at(node.range?.[0]);
		}
		return { line: 2, column: 1 };
	};
	const report = (where: { line: number; column: number }, message: string, hint: string) =>
		out.push({ code: 'invalid-frontmatter', file, ...where, message, hint });

	const sourceSize = doc.range ? doc.range[2] : 0;
	if (sourceSize > MAX_FRONTMATTER_BYTES) {
		out.push({
			code: 'too-large',
			file,
			line: 2,
			column: 1,
			message: `The frontmatter is ${formatSize(sourceSize)}; it may be at most ${formatSize(MAX_FRONTMATTER_BYTES)}.`,
			hint: 'Keep the frontmatter to the page’s fields; page text goes below the closing `---`.',
		});
		return out;
	}
	if (doc.errors.length > 0) {
		for (const error of doc.errors)
			report(
				at(error.pos[0]),
				`The frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
				'Compare the indentation and quoting with another page; quote text that contains `: `.',
			);
		return out;
	}
	let data: unknown;
	try {
		// The same alias limit as facts files: a "billion laughs" alias bomb is refused, not expanded.
		data = doc.toJS({ maxAliasCount: 100 });
	} catch (error) {
		report(
			{ line: 2, column: 1 },
			`The frontmatter cannot be read: ${(error as Error).message.split('\n')[0]}`,
			'Write each value out instead of repeating it through `&anchor` / `*alias` references.',
		);
		return out;
	}
	if (!data || typeof data !== 'object' || Array.isArray(data)) {
		report(
			{ line: 2, column: 1 },
			'The frontmatter is not a list of `field: value` lines.',
			'Start with `title: …` (see another page).',
		);
		return out;
	}
	const fields = data as Record<string, unknown>;
	if (typeof fields.title !== 'string' || fields.title.trim() === '')
		report(
			positionOf(['title']),
			'The page has no `title` (Starlight needs one for the heading and the page’s <title>).',
			'Add `title: …` to the frontmatter.',
		);

	// Dates: checked on the text as written, so no day is ever read as another one.
	const dated: { path: (string | number)[]; text: unknown }[] = [
		...(['lastReviewed', 'nextReview', 'searchDate'] as const).map((name) => ({
			path: [name],
			text: fields[name],
		})),
		...(Array.isArray(fields.updates) ? fields.updates : []).map((u: unknown, i) => ({
			path: ['updates', i, 'date'],
			text: u && typeof u === 'object' ? (u as Record<string, unknown>).date : undefined,
		})),
	];
	const badDates = new Set<string>();
	const tomorrow = today.getTime() + ONE_DAY;
	for (const { path, text } of dated) {
		if (text === undefined) continue;
		const name = path.join('.');
		if (typeof text !== 'string' || !isRealIsoDate(text)) {
			badDates.add(name);
			report(
				positionOf(path),
				`\`${name}\` is "${String(text)}", which is not a real date written YYYY-MM-DD.`,
				'Write the date as year-month-day, e.g. `2026-12-01` (month 01-12, a day that month has).',
			);
			continue;
		}
		const isPast = path[0] === 'updates' || (PAST_DATES as readonly string[]).includes(name);
		if (isPast && day(text).getTime() > tomorrow) {
			badDates.add(name);
			report(
				positionOf(path),
				`\`${name}\` is ${text}, a day in the future: a page can only say it was reviewed, searched or updated on a day that has come.`,
				'Write the day the work was done (today or earlier).',
			);
		}
	}
	const { lastReviewed, searchDate } = fields;
	if (
		typeof lastReviewed === 'string' &&
		typeof searchDate === 'string' &&
		!badDates.has('lastReviewed') &&
		!badDates.has('searchDate') &&
		lastReviewed < searchDate
	)
		report(
			positionOf(['lastReviewed']),
			`\`lastReviewed\` (${lastReviewed}) is before \`searchDate\` (${searchDate}): the page was reviewed before the evidence it rests on was searched.`,
			'Review the page against the newest search, then set `lastReviewed` to that day.',
		);

	// The whole frontmatter schema, Starlight's fields and the site's, each issue at its line (the
	// build would report them at 0:0).
	const parsed = fullSchema.safeParse(data);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const path = issue.path as (string | number)[];
			if (badDates.has(path.join('.'))) continue;
			report(
				positionOf(path),
				`\`${path.join('.') || '(frontmatter)'}\`: ${issue.message}`,
				path[0] !== undefined && path[0] in pageFields.shape
					? 'See the field descriptions in src/engine/read/page-frontmatter.ts.'
					: "See Starlight's frontmatter reference (https://starlight.astro.build/reference/frontmatter/).",
			);
		}
	}

	// Summary-of-findings rows: an interval written backwards, or an estimate outside its interval.
	const outcomes = doc.get('outcomes', true);
	if (isSeq(outcomes)) {
		outcomes.items.forEach((row, i) => {
			const effect = isMap(row) ? row.get('effect') : undefined;
			if (typeof effect !== 'string') return;
			for (const problem of intervalProblems(effect))
				out.push({
					code: 'implausible-interval',
					file,
					...positionOf(['outcomes', i, 'effect']),
					message: problem.message,
					hint: problem.fix,
				});
		});
	}
	return out;
}
