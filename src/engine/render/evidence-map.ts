/**
 * The evidence map: every condition page's graded outcomes (its frontmatter `outcomes`), each with
 * its number of studies, people, GRADE certainty and a link to its row in that page's summary of
 * findings. Rendered as an accessible table and as an SVG drawn at build time. Pure.
 */
import type { Certainty, Condition, Outcome } from '../read/page-frontmatter.ts';
import type { StudyFacts } from '../read/facts-schema.ts';
import { CERTAINTY_LABELS } from '../grade/certainty.ts';
import { outcomeRowId } from './tables.ts';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { s } from 'hastscript';
import { PAGE_SERIALISATION } from '../html/serialise.ts';

export interface MapCell {
	outcome: string;
	studies: number;
	people: number;
	/** Studies that report no number of people. */
	peopleUnknown: number;
	certainty: Certainty;
	/** Page path and anchor of the summary-of-findings row, without base. */
	href: string;
}

export interface MapRow {
	condition: Condition;
	label: string;
	path: string;
	cells: MapCell[];
}

export function evidenceMap(
	pages: readonly {
		condition: Condition;
		label: string;
		path: string;
		outcomes: readonly Outcome[];
	}[],
	factsOf: (key: string) => StudyFacts | undefined,
): MapRow[] {
	return pages.map((page) => ({
		condition: page.condition,
		label: page.label,
		path: page.path,
		cells: page.outcomes.map((outcome, index) => {
			const facts = outcome.studies.map(factsOf);
			return {
				outcome: outcome.outcome,
				studies: outcome.studies.length,
				people: facts.reduce((sum, f) => sum + (f?.n ?? 0), 0),
				peopleUnknown: facts.filter((f) => f?.n == null).length,
				certainty: outcome.certainty,
				href: `${page.path}#${outcomeRowId(index)}`,
			};
		}),
	}));
}

/**
 * One blue, from dark (high certainty) to pale (very low): certainty is "how sure", not "how
 * harmful", so no level is painted red or orange, which readers take for danger. A single hue
 * ordered by lightness stays in order for every kind of colour blindness (tested with simulated
 * protanopia, deuteranopia and tritanopia). Each fill has its own text colour at a contrast of
 * 4.5:1 or more, and the letter and word are always written too.
 */
export const CERTAINTY_FILL: Record<Certainty, string> = {
	high: '#08306b',
	moderate: '#2166ac',
	low: '#92c5de',
	'very-low': '#deebf7',
	'not-graded': '#ffffff',
};
/** The text drawn on each fill. */
export const CERTAINTY_TEXT: Record<Certainty, string> = {
	high: '#ffffff',
	moderate: '#ffffff',
	low: '#111827',
	'very-low': '#111827',
	'not-graded': '#111827',
};
/** Pale fills need an edge to be seen on a white page; not graded has a dashed one. */
const STROKE = '#4b5563';

const LETTER: Record<Certainty, string> = {
	high: 'H',
	moderate: 'M',
	low: 'L',
	'very-low': 'VL',
	'not-graded': 'NG',
};

/**
 * How the drawing is laid out: `wide` has the condition names beside their rows (desktop);
 * `compact` puts each name above its squares, a few squares to a line, and the legend one level to
 * a line, so a 360 px phone shows it whole with text of 12 px or more.
 */
export type MapLayout = 'wide' | 'compact';

const CELL = 56;
const GAP = 8;

/** A square's or swatch's outline: pale fills need an edge; not graded has a dashed one. */
function outline(level: Certainty) {
	return {
		fill: CERTAINTY_FILL[level],
		stroke: STROKE,
		strokeDasharray: level === 'not-graded' ? '4 3' : undefined,
	};
}

function square(
	c: MapCell,
	row: MapRow,
	x: number,
	y: number,
	hrefOf: (path: string) => string,
): Element {
	const title = `${row.label}: ${c.outcome}. ${c.studies} ${c.studies === 1 ? 'study' : 'studies'}, ${CERTAINTY_LABELS[c.certainty].word.toLowerCase()} certainty`;
	const text = { textAnchor: 'middle', fill: CERTAINTY_TEXT[c.certainty] };
	return s('a', { href: hrefOf(c.href) }, [
		s('title', title),
		s('rect', { x, y, width: CELL, height: CELL, rx: 6, ...outline(c.certainty) }),
		s(
			'text',
			{ x: x + CELL / 2, y: y + 26, fontSize: 18, fontWeight: 'bold', ...text },
			String(c.studies),
		),
		s('text', { x: x + CELL / 2, y: y + 45, fontSize: 13, ...text }, LETTER[c.certainty]),
	]);
}

function legendItem(level: Certainty, x: number, y: number): Element[] {
	return [
		s('rect', { x, y, width: 18, height: 18, rx: 3, ...outline(level) }),
		s(
			'text',
			{ x: x + 24, y: y + 14, fontSize: 14, fill: 'currentColor' },
			`${LETTER[level]}: ${CERTAINTY_LABELS[level].word}`,
		),
	];
}

/** A line of text in the page's colour. */
function label(x: number, y: number, size: number, text: string, bold = false): Element {
	return s(
		'text',
		{ x, y, fontSize: size, fontWeight: bold ? 'bold' : undefined, fill: 'currentColor' },
		text,
	);
}

/**
 * The map as an SVG tree: one row per condition, one square per outcome, the number of studies
 * inside and the certainty as a letter (H, M, L, VL, NG) and a shade, each square linking to its
 * row. Presentation attributes only (no `style`), so a strict Content-Security-Policy allows it.
 * No role="img": its cells are links, which an image role would hide from assistive technology.
 */
function evidenceMapTree(
	rows: readonly MapRow[],
	hrefOf: (path: string) => string,
	layout: MapLayout = 'wide',
): Element {
	const parts: Element[] = [];
	const levels = Object.keys(CERTAINTY_FILL) as Certainty[];
	let width: number;
	let height: number;
	if (layout === 'wide') {
		const labelWidth = 220;
		const top = 16;
		const maxCells = Math.max(1, ...rows.map((r) => r.cells.length));
		width = Math.max(labelWidth + maxCells * (CELL + GAP) + 8, 750);
		rows.forEach((row, r) => {
			const y = top + r * (CELL + GAP);
			parts.push(s('a', { href: hrefOf(row.path) }, [label(0, y + CELL / 2 + 5, 14, row.label)]));
			if (row.cells.length === 0)
				parts.push(label(labelWidth, y + CELL / 2 + 5, 14, 'No outcome graded'));
			row.cells.forEach((c, i) =>
				parts.push(square(c, row, labelWidth + i * (CELL + GAP), y, hrefOf)),
			);
		});
		const legendTop = top + rows.length * (CELL + GAP) + 16;
		levels.forEach((level, i) => parts.push(...legendItem(level, i * 150, legendTop)));
		height = legendTop + 40;
	} else {
		const perLine = 5;
		width = perLine * (CELL + GAP) - GAP + 2;
		let y = 4;
		for (const row of rows) {
			parts.push(s('a', { href: hrefOf(row.path) }, [label(1, y + 16, 16, row.label, true)]));
			y += 26;
			if (row.cells.length === 0) {
				parts.push(label(1, y + 14, 14, 'No outcome graded'));
				y += 28;
			}
			row.cells.forEach((c, i) => {
				const line = Math.floor(i / perLine);
				parts.push(
					square(c, row, 1 + (i % perLine) * (CELL + GAP), y + line * (CELL + GAP), hrefOf),
				);
			});
			if (row.cells.length > 0) y += Math.ceil(row.cells.length / perLine) * (CELL + GAP);
			y += 12;
		}
		levels.forEach((level, i) => parts.push(...legendItem(level, 1, y + i * 26)));
		height = y + levels.length * 26 + 4;
	}
	const id = `evidence-map-svg-title-${layout}`;
	return s(
		'svg',
		{
			xmlns: 'http://www.w3.org/2000/svg',
			viewBox: `0 0 ${width} ${height}`,
			width: '100%',
			ariaLabelledBy: id,
			fontFamily: 'system-ui, sans-serif',
			dataLayout: layout,
		},
		[
			s(
				'title',
				{ id },
				`Evidence map drawing: conditions ${layout === 'wide' ? 'down the side' : 'one under another'}, one square per graded outcome, the number of studies inside and the certainty as a letter and shade. The table gives the same data.`,
			),
			...parts,
		],
	);
}

/** The map serialised for `set:html` (hast-util-to-html escapes every text and attribute). */
export function evidenceMapSvg(
	rows: readonly MapRow[],
	hrefOf: (path: string) => string,
	layout: MapLayout = 'wide',
): string {
	return toHtml(evidenceMapTree(rows, hrefOf, layout), { space: 'svg', ...PAGE_SERIALISATION });
}
