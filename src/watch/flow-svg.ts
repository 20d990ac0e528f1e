/**
 * A PRISMA-style flow diagram of a page's watch counts, as build-time SVG: boxes stacked top to
 * bottom (found → duplicates removed → screened → excluded / awaiting / included) in a 320-unit-wide
 * viewBox that scales to the column, so it fits a 360 px phone. Black lines on white, so it prints.
 * The numbers are also in a list beside it (the text alternative), so the picture adds nothing new.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { s } from 'hastscript';
import type { PageCurrency } from './currency.ts';
import type { ExclusionReason } from './schema.ts';

const W = 320;
/** Source names short enough for the box on a phone. */
const SHORT: Record<string, string> = {
	pubmed: 'PubMed',
	europepmc: 'Europe PMC',
	clinicaltrials: 'Registry',
};

/** Exclusion reasons in words short enough for a box on a phone (the list beside it has them whole). */
const SHORT_REASON: Record<ExclusionReason, string> = {
	'not-ketamine': 'Not ketamine or an NMDA antagonist',
	'not-chronic-pain': 'Not chronic pain',
	'not-humans': 'Not in humans',
	'wrong-design': 'Design not included',
	'wrong-outcome': 'Outcome not included',
	duplicate: 'Duplicate',
	'no-results-yet': 'No results yet',
	retracted: 'Retracted',
};

interface Box {
	lines: string[];
	/** Indented boxes hang off the screened box. */
	indent?: boolean;
}

/** The diagram serialised (hast-util-to-html escapes every text), or '' before any run. */
export function flowSvg(currency: PageCurrency, labelledBy: string): string {
	const tree = flowTree(currency, labelledBy);
	return tree ? toHtml(tree, { space: 'svg' }) : '';
}

const LINE = { stroke: '#000', strokeWidth: 1.5 };

/** The diagram as a hast tree, or null before any run. */
export function flowTree(currency: PageCurrency, labelledBy: string): Element | null {
	const w = currency.watch;
	if (!w) return null;
	const since = currency.searchDate ? ` since ${currency.searchDate}` : '';
	const boxes: Box[] = [
		{
			lines: [
				`Records found${since}: ${w.found + w.duplicates}`,
				w.identified.map((i) => `${SHORT[i.source] ?? i.source} ${i.count}`).join(', '),
			],
		},
		{ lines: [`Duplicates or already known: ${w.duplicates}`] },
		{ lines: [`New records to screen: ${w.found}`] },
		{
			indent: true,
			lines: [
				`Excluded: ${w.excluded.reduce((a, e) => a + e.count, 0)}`,
				...w.excluded.map((e) => `${SHORT_REASON[e.reason]}: ${e.count}`),
			],
		},
		{ indent: true, lines: [`Awaiting screening: ${w.awaiting}`] },
		{ indent: true, lines: [`Included: ${w.included}, added to library: ${w.added}`] },
	];
	const lineHeight = 18;
	const pad = 8;
	const gap = 16;
	let y = 1;
	const parts: Element[] = [];
	const centres: { x: number; top: number; bottom: number; indent: boolean }[] = [];
	for (const box of boxes) {
		const x = box.indent ? 28 : 1;
		const width = W - x - 1;
		const height = box.lines.length * lineHeight + pad * 2 - 4;
		parts.push(s('rect', { x, y, width, height, rx: 4, fill: '#fff', ...LINE }));
		box.lines.forEach((line, i) => {
			parts.push(
				s(
					'text',
					{
						x: x + 10,
						y: y + pad + 10 + i * lineHeight,
						fontSize: i === 0 ? 13 : 12,
						...(i === 0 ? { fontWeight: 'bold' } : {}),
					},
					line,
				),
			);
		});
		centres.push({ x, top: y, bottom: y + height, indent: Boolean(box.indent) });
		y += height + gap;
	}
	// Arrows: down the main column, then a branch from the screened box to each indented box.
	const arrow = (d: string) =>
		s('path', { d, fill: 'none', ...LINE, markerEnd: 'url(#kpe-arrow)' });
	const arrows: Element[] = [];
	for (let i = 1; i < 3; i++) {
		const from = centres[i - 1]!;
		const to = centres[i]!;
		arrows.push(arrow(`M 14 ${from.bottom} V ${to.top - 1}`));
	}
	const branchTop = centres[2]!.bottom;
	for (const box of centres.slice(3)) {
		const mid = box.top + (box.bottom - box.top) / 2;
		arrows.push(arrow(`M 14 ${branchTop} V ${mid} H ${box.x - 1}`));
	}
	const height = Math.ceil(y - gap + 1);
	return s(
		'svg',
		{
			className: ['kpe-flow'],
			viewBox: `0 0 ${W} ${height}`,
			width: '100%',
			role: 'img',
			ariaLabelledBy: labelledBy,
			fontFamily: 'system-ui, sans-serif',
			fill: '#000',
			xmlns: 'http://www.w3.org/2000/svg',
		},
		[
			s('defs', [
				s(
					'marker',
					{
						id: 'kpe-arrow',
						viewBox: '0 0 8 8',
						refX: 7,
						refY: 4,
						markerWidth: 7,
						markerHeight: 7,
						orient: 'auto',
					},
					[s('path', { d: 'M 0 0 L 8 4 L 0 8 z', fill: '#000' })],
				),
			]),
			...parts,
			...arrows,
		],
	);
}
