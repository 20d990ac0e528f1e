/**
 * The evidence map: every condition page's graded outcomes (its frontmatter `outcomes`), each with
 * its number of studies, people, GRADE certainty and a link to its row in that page's summary of
 * findings. Rendered as an accessible table and as an SVG drawn at build time. Pure.
 */
import type { Certainty, Condition, Outcome } from './page-frontmatter.ts';
import type { StudyFacts } from './evidence/facts-schema.ts';
import { CERTAINTY_LABELS } from './evidence/certainty.ts';
import { outcomeRowId } from './evidence/tables.ts';
import { escapeHtml } from './evidence/text-safety.ts';

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

/** Fill colours, each with white text at a contrast above 4.5:1; the word is always written too. */
export const CERTAINTY_FILL: Record<Certainty, string> = {
	high: '#14532d',
	moderate: '#2f6b3a',
	low: '#8a4b00',
	'very-low': '#9b1c1c',
	'not-graded': '#4b5563',
};

/**
 * The map as an SVG: one row per condition, one square per outcome, the number of studies inside
 * and the certainty as colour plus a letter (H, M, L, VL, NG), each square linking to its row.
 * Presentation attributes only (no `style`), so a strict Content-Security-Policy allows it. No
 * role="img": its cells are links, which an image role would hide from assistive technology.
 */
export function evidenceMapSvg(rows: readonly MapRow[], hrefOf: (path: string) => string): string {
	const labelWidth = 220;
	const cell = 56;
	const gap = 8;
	const top = 16;
	const maxCells = Math.max(1, ...rows.map((r) => r.cells.length));
	const width = labelWidth + maxCells * (cell + gap) + 8;
	const legendTop = top + rows.length * (cell + gap) + 16;
	const height = legendTop + 40;
	const letter: Record<Certainty, string> = {
		high: 'H',
		moderate: 'M',
		low: 'L',
		'very-low': 'VL',
		'not-graded': 'NG',
	};
	const parts: string[] = [];
	rows.forEach((row, r) => {
		const y = top + r * (cell + gap);
		parts.push(
			`<a href="${escapeHtml(hrefOf(row.path))}"><text x="0" y="${y + cell / 2 + 5}" font-size="14" fill="currentColor">${escapeHtml(row.label)}</text></a>`,
		);
		if (row.cells.length === 0)
			parts.push(
				`<text x="${labelWidth}" y="${y + cell / 2 + 5}" font-size="13" fill="currentColor">No outcome graded</text>`,
			);
		row.cells.forEach((c, i) => {
			const x = labelWidth + i * (cell + gap);
			const title = `${row.label}: ${c.outcome}. ${c.studies} ${c.studies === 1 ? 'study' : 'studies'}, ${CERTAINTY_LABELS[c.certainty].word.toLowerCase()} certainty`;
			parts.push(
				`<a href="${escapeHtml(hrefOf(c.href))}"><title>${escapeHtml(title)}</title>` +
					`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" rx="6" fill="${CERTAINTY_FILL[c.certainty]}"/>` +
					`<text x="${x + cell / 2}" y="${y + 26}" font-size="18" font-weight="bold" text-anchor="middle" fill="#fff">${c.studies}</text>` +
					`<text x="${x + cell / 2}" y="${y + 45}" font-size="12" text-anchor="middle" fill="#fff">${letter[c.certainty]}</text></a>`,
			);
		});
	});
	(Object.keys(CERTAINTY_FILL) as Certainty[]).forEach((level, i) => {
		const x = i * 150;
		parts.push(
			`<rect x="${x}" y="${legendTop}" width="18" height="18" rx="3" fill="${CERTAINTY_FILL[level]}"/>` +
				`<text x="${x + 24}" y="${legendTop + 14}" font-size="13" fill="currentColor">${letter[level]}: ${escapeHtml(CERTAINTY_LABELS[level].word)}</text>`,
		);
	});
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${Math.max(width, 750)} ${height}" width="100%" aria-labelledby="evidence-map-svg-title" font-family="system-ui, sans-serif">` +
		`<title id="evidence-map-svg-title">Evidence map drawing: conditions down the side, one square per graded outcome, the number of studies inside and the certainty as a letter and colour. The table gives the same data.</title>` +
		parts.join('') +
		'</svg>'
	);
}
