/**
 * "Out of 100 people" pictures (icon arrays) for a summary-of-findings row with counts, drawn at
 * build time as SVG (no script). What research on risk pictures asks for: the same 100 people for
 * each group, the people with the outcome grouped together (filled from the top left, not
 * scattered), person shapes for them and small rings for the others (told apart by shape as well as
 * colour, so the picture survives black-and-white printing), a visible sentence that the SVG is
 * labelled by, and the numbers in a small table beside it.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import type { Outcome } from '../read/page-frontmatter.ts';
import { absoluteEffect, outOf100 } from '../grade/absolute-effects.ts';
import { DESIGN_LABELS, type StudyCount, type StudyFacts } from '../read/facts-schema.ts';

export interface PictureArm {
	/** "ketamine", "placebo", "midazolam". */
	label: string;
	/** People with the outcome out of 100 (rounded). */
	per100: number;
	/** As the source reported it: "8 of 12", "76%". */
	reported: string;
}

/** Everything a picture shows: plain data, so a component or the at-a-glance box can draw it. */
export interface IconArrayPicture {
	/** What was counted, as a reader would say it. */
	outcome: string;
	/** The sentence under the picture (visible; the SVG is labelled by it). */
	caption: string;
	/** Who the numbers come from: "One trial of 24 people (Noppers 2011)". */
	source: string;
	arms: [PictureArm, PictureArm];
	/** The study and count the numbers come from (for editors and tests). */
	from: { study: string; count: string; field: StudyCount['from'] };
}

function reported(arm: NonNullable<StudyCount['control']>): string {
	return arm.events !== undefined && arm.total !== undefined
		? `${arm.events} of ${arm.total}`
		: `${arm.percent}%${arm.total ? ` of ${arm.total}` : ''}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The picture of one count, or null when the count has no two arms to show (a control risk with a
 * relative effect is drawn too: its ketamine arm is control risk × RR).
 */
export function pictureOf(
	count: StudyCount,
	facts: StudyFacts,
	options: { caption?: string; source?: string } = {},
): IconArrayPicture | null {
	const effect = absoluteEffect(count, !count.paired);
	if (!effect || !count.control) return null;
	const control = count.control.label ?? 'comparator';
	const arms: [PictureArm, PictureArm] = [
		{
			label: 'ketamine',
			per100: outOf100(effect.ketamineRisk),
			reported: count.ketamine ? reported(count.ketamine) : 'worked out from the risk ratio',
		},
		{ label: control, per100: outOf100(effect.controlRisk), reported: reported(count.control) },
	];
	const who =
		facts.design === 'meta-analysis' || facts.design === 'systematic-review'
			? 'In the trials'
			: 'In the trial';
	return {
		outcome: count.outcome,
		caption:
			options.caption ??
			`${who}, about ${arms[0].per100} of 100 people with ketamine and ${arms[1].per100} of 100 with ${control}: ${lowerFirst(count.outcome)}.`,
		source:
			options.source ??
			`${DESIGN_LABELS[facts.design]}, ${facts.n === null ? 'size not reported' : `${facts.n} people`}${count.paired ? ', each given both treatments' : ''}.`,
		arms,
		from: { study: facts.key, count: count.id, field: count.from },
	};
}

/** The picture of a summary-of-findings row (its `counts`), or null. */
export function pictureOfOutcome(
	outcome: Outcome,
	factsOf: (key: string) => StudyFacts | undefined,
	options: { caption?: string } = {},
): IconArrayPicture | null {
	if (!outcome.counts) return null;
	const facts = factsOf(outcome.counts.study);
	const count = facts?.counts.find((c) => c.id === outcome.counts!.id);
	return facts && count ? pictureOf(count, facts, options) : null;
}

/** The page's key picture: the row marked `keyPicture: true`, or null. */
export function keyPictureOf(
	outcomes: readonly Outcome[],
	factsOf: (key: string) => StudyFacts | undefined,
): IconArrayPicture | null {
	const row = outcomes.find((o) => o.keyPicture);
	return row ? pictureOfOutcome(row, factsOf) : null;
}

const CELL = 14;
const COLUMNS = 10;

/*
 * Each grid draws its people as one path and its rings as another (each icon a subpath): two
 * elements instead of a hundred or more, for the same picture; browsers pay for every element a
 * page holds (Lighthouse's DOM size), and a condition page has up to five pictures of 200 icons.
 */

/**
 * An icon as the subpaths it is drawn with: where each starts in its 14 × 14 cell, and how it goes
 * on from there in relative commands, closed with `z` (which brings the pen back to that start).
 * Written as short as the SVG path grammar allows, since a page draws them hundreds of times: an
 * arc's two flags run into the next number (`a2.6 2.6 0 115.2 0` is `a2.6 2.6 0 1 1 5.2 0`) and a
 * second arc repeats the command without its letter.
 */
interface Shape {
	subpaths: readonly { at: readonly [x: number, y: number]; draw: string }[];
}

/**
 * A person: head and shoulders, filled. Both subpaths run clockwise, so where the head meets the
 * shoulders the nonzero fill adds up instead of cancelling out.
 */
const PERSON: Shape = {
	subpaths: [
		{ at: [4.4, 4], draw: 'a2.6 2.6 0 115.2 0 2.6 2.6 0 11-5.2 0z' },
		{ at: [2.5, 13], draw: 'v-3.2a4.5 4.5 0 019 0v3.2z' },
	],
};

/** Someone without the outcome: a small ring (another shape, not only another colour). */
const RING: Shape = { subpaths: [{ at: [4, 7], draw: 'a3 3 0 116 0 3 3 0 11-6 0z' }] };

/** A coordinate as short text, without float noise (15.899999999 → "15.9"). */
const num = (n: number) => String(Math.round(n * 100) / 100);

/** A move to (x, y): `M x y` for the first, then `m dx dy` from the pen (the last subpath's start). */
function move(relative: boolean, x: number, y: number): string {
	const dy = num(y);
	return `${relative ? 'm' : 'M'}${num(x)}${dy.startsWith('-') ? '' : ' '}${dy}`;
}

/**
 * `shape` in each of `cells` (indexes into the grid, row by row) as one path's data. Every move
 * after the first is relative, so each icon in a row is the same text as the one before it: a
 * grid of 100 icons gzips to a few dozen bytes instead of one new number pair per icon.
 */
function pathData(shape: Shape, cells: readonly number[]): string {
	let d = '';
	let pen: [number, number] | null = null;
	for (const i of cells) {
		const [cellX, cellY] = [(i % COLUMNS) * CELL, Math.floor(i / COLUMNS) * CELL];
		for (const { at, draw } of shape.subpaths) {
			const [x, y] = [cellX + at[0], cellY + at[1]];
			d += (pen ? move(true, x - pen[0], y - pen[1]) : move(false, x, y)) + draw;
			pen = [x, y];
		}
	}
	return d;
}

/** The shapes of `cells` as one path, or nothing if none. */
function shapes(cells: number[], shape: Shape, className: string): Element[] {
	if (cells.length === 0) return [];
	return [s('path', { d: pathData(shape, cells), className: [className] })];
}

/**
 * Grids already drawn on a page, by how many of the 100 are `yes` (a grid depends on nothing else):
 * the id of the first grid drawn with that count. A page shows its key picture in the plain layer
 * and again in the clinician layer; the second copy of a grid points at the first (`<use>`)
 * instead of repeating its shapes (on CRPS, half a kilobyte of the page's gzip weight).
 */
export type DrawnGrids = Map<number, string>;

/** 100 icons, the `yes` people first, row by row; a grid drawn before on the page, by reference. */
function grid(arm: PictureArm, labelId: string, gridId: string, drawn?: DrawnGrids): Element {
	const cells = Array.from({ length: 100 }, (_, i) => i);
	const earlier = drawn?.get(arm.per100);
	if (drawn && !earlier) drawn.set(arm.per100, gridId);
	return s(
		'svg',
		{
			...(drawn && !earlier ? { id: gridId } : {}),
			viewBox: `0 0 ${COLUMNS * CELL} ${COLUMNS * CELL}`,
			role: 'img',
			ariaLabelledBy: labelId,
			className: ['kpe-icon-grid'],
			focusable: 'false',
		},
		earlier
			? [s('use', { href: `#${earlier}` })]
			: [
					...shapes(cells.slice(0, arm.per100), PERSON, 'kpe-icon-yes'),
					...shapes(cells.slice(arm.per100), RING, 'kpe-icon-no'),
				],
	);
}

/**
 * The picture as a hast tree: a figure with one 100-icon grid per group (each headed by its visible
 * label), a key, the caption sentence, and the numbers in a small table.
 */
export function iconArray(
	picture: IconArrayPicture,
	id: string,
	cite?: ElementContent,
	drawn?: DrawnGrids,
): Element {
	const captionId = `${id}-caption`;
	return h('figure.kpe-icon-array', { id }, [
		// Each group's label, then its grid, with no box around the pair: the styles put the labels
		// in one row and the grids under them.
		h(
			'div.kpe-icon-arms.kpe-no-claim',
			picture.arms.flatMap((arm, i) => {
				const labelId = `${id}-arm-${i + 1}`;
				return [
					h('p.kpe-icon-arm-label', { id: labelId }, [
						h('strong', `${arm.per100} of 100`),
						` with ${arm.label}`,
					]),
					grid(arm, labelId, `${id}-grid-${i + 1}`, drawn),
				];
			}),
		),
		h('p.kpe-icon-key.kpe-no-claim', { ariaHidden: 'true' }, [
			s('svg', { viewBox: '0 0 14 14', className: ['kpe-icon-swatch'] }, [
				s('path', { d: pathData(PERSON, [0]), className: ['kpe-icon-yes'] }),
			]),
			' had it ',
			s('svg', { viewBox: '0 0 14 14', className: ['kpe-icon-swatch'] }, [
				s('path', { d: pathData(RING, [0]), className: ['kpe-icon-no'] }),
			]),
			' did not',
		]),
		h('figcaption', { id: captionId }, [
			picture.caption,
			' ',
			h('span.kpe-icon-source', picture.source),
			...(cite ? [' ', cite] : []),
		]),
		// The counts as the source reported them ("7 of 12", "76% of 30"), beside the rounded "out of
		// 100" that each grid's label already shows (a column repeating it cost 3 elements a picture).
		h('table.kpe-icon-numbers.kpe-no-claim', [
			h('caption.sr-only', `The numbers: ${picture.outcome}`),
			h('thead', [
				h('tr', [h('th', { scope: 'col' }, 'Group'), h('th', { scope: 'col' }, 'As reported')]),
			]),
			h(
				'tbody',
				picture.arms.map((arm) =>
					h('tr', [h('th', { scope: 'row' }, arm.label), h('td', arm.reported)]),
				),
			),
		]),
	]);
}
