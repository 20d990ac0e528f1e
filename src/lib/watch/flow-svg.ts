/**
 * A PRISMA-style flow diagram of a page's watch counts, as build-time SVG: boxes stacked top to
 * bottom (found → duplicates removed → screened → excluded / awaiting / included) in a 320-unit-wide
 * viewBox that scales to the column, so it fits a 360 px phone. Black lines on white, so it prints.
 * The numbers are also in a list beside it (the text alternative), so the picture adds nothing new.
 */
import type { PageCurrency } from './currency.ts';

const W = 320;
/** Source names short enough for the box on a phone. */
const SHORT: Record<string, string> = {
	pubmed: 'PubMed',
	europepmc: 'Europe PMC',
	clinicaltrials: 'Registry',
};
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Box {
	lines: string[];
	/** Indented boxes hang off the screened box. */
	indent?: boolean;
}

export function flowSvg(currency: PageCurrency, labelledBy: string): string {
	const w = currency.watch;
	if (!w) return '';
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
				...w.excluded.map((e) => `${e.reason}: ${e.count}`),
			],
		},
		{ indent: true, lines: [`Awaiting screening: ${w.awaiting}`] },
		{ indent: true, lines: [`Included: ${w.included}, added to library: ${w.added}`] },
	];
	const lineHeight = 18;
	const pad = 8;
	const gap = 16;
	let y = 1;
	const parts: string[] = [];
	const centres: { x: number; top: number; bottom: number; indent: boolean }[] = [];
	for (const box of boxes) {
		const x = box.indent ? 28 : 1;
		const width = W - x - 1;
		const height = box.lines.length * lineHeight + pad * 2 - 4;
		parts.push(
			`<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="4" fill="#fff" stroke="#000" stroke-width="1.5"/>`,
		);
		box.lines.forEach((line, i) => {
			parts.push(
				`<text x="${x + 10}" y="${y + pad + 10 + i * lineHeight}" font-size="${i === 0 ? 13 : 12}"${i === 0 ? ' font-weight="bold"' : ''}>${escape(line)}</text>`,
			);
		});
		centres.push({ x, top: y, bottom: y + height, indent: Boolean(box.indent) });
		y += height + gap;
	}
	// Arrows: down the main column, then a branch from the screened box to each indented box.
	const arrows: string[] = [];
	for (let i = 1; i < 3; i++) {
		const from = centres[i - 1]!;
		const to = centres[i]!;
		arrows.push(
			`<path d="M 14 ${from.bottom} V ${to.top - 1}" stroke="#000" stroke-width="1.5" marker-end="url(#kpe-arrow)"/>`,
		);
	}
	const branchTop = centres[2]!.bottom;
	for (const box of centres.slice(3)) {
		const mid = box.top + (box.bottom - box.top) / 2;
		arrows.push(
			`<path d="M 14 ${branchTop} V ${mid} H ${box.x - 1}" fill="none" stroke="#000" stroke-width="1.5" marker-end="url(#kpe-arrow)"/>`,
		);
	}
	const height = Math.ceil(y - gap + 1);
	return (
		`<svg class="kpe-flow" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-labelledby="${labelledBy}" font-family="system-ui, sans-serif" fill="#000" xmlns="http://www.w3.org/2000/svg">` +
		`<defs><marker id="kpe-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M 0 0 L 8 4 L 0 8 z" fill="#000"/></marker></defs>` +
		parts.join('') +
		arrows.join('') +
		`</svg>`
	);
}
