/**
 * The evidence table (one row per study, from the facts files), the protocol table and the
 * summary-of-findings table (one row per GRADE-rated outcome, from page frontmatter), as hast trees.
 * The Markdown plugin supplies each citation cluster (`cite`), so numbering stays consistent with
 * the rest of the page.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Outcome } from '../read/page-frontmatter.ts';
import { CERTAINTY_LABELS } from '../grade/certainty.ts';
import { certaintyBadge } from './certainty-badge.ts';
import {
	absoluteEffect,
	formatDifference,
	formatRisk,
	type AbsoluteEffect,
} from '../grade/absolute-effects.ts';
import { DESIGN_LABELS, DESIGNS, type StudyCount, type StudyFacts } from '../read/facts-schema.ts';
import { computeCertainty, countPeople, peopleLabel } from '../grade/grading.ts';
import { NO_YEAR } from './format.ts';
import { cslYear, familyName } from '../read/csl-fields.ts';
import type { CslItem } from '../read/csl-fields.ts';
import { studyUrl } from './urls.ts';

/** "Noppers 2011": first author's family name and year. */
export function studyLabel(csl: CslItem): string {
	const first = csl.author?.[0];
	const name = first ? familyName(first) || csl.id : csl.id;
	// "Eichenberger n.d.": a label never ends in a bare name (or "Eichenberger:" in a heading).
	const year = cslYear(csl) ?? NO_YEAR;
	return `${name} ${year}`;
}

/**
 * Labels for every study in the library, made distinct where first author and year coincide:
 * "Mangnus 2021a", "Mangnus 2021b" (letters in key order, so a study keeps its letter on every page).
 * Computed over the whole library, not one table, so the same study never has two labels.
 */
export function studyLabels(items: Iterable<CslItem>): Map<string, string> {
	const byLabel = new Map<string, string[]>();
	for (const csl of items) {
		const label = studyLabel(csl);
		byLabel.set(label, [...(byLabel.get(label) ?? []), csl.id]);
	}
	const labels = new Map<string, string>();
	for (const [label, ids] of byLabel) {
		const sorted = [...ids].sort();
		sorted.forEach((id, i) =>
			labels.set(id, sorted.length > 1 ? `${label}${String.fromCharCode(97 + i)}` : label),
		);
	}
	return labels;
}

/** The study's label linking to its own page, where its full facts and every citing page are. */
export function studyLink(key: string, csl: CslItem, label = studyLabel(csl), base = '/'): Element {
	return h('a', { href: studyUrl(key, base) }, label);
}

/** Orders studies strongest design first, then newest first. */
export function compareStudies(
	a: { facts: StudyFacts; csl: CslItem },
	b: { facts: StudyFacts; csl: CslItem },
): number {
	const rank = (f: StudyFacts) => DESIGNS.indexOf(f.design);
	const year = (c: CslItem) => cslYear(c) ?? 0;
	return (
		rank(a.facts) - rank(b.facts) || year(b.csl) - year(a.csl) || a.csl.id.localeCompare(b.csl.id)
	);
}

const cell = (text: string | undefined | null): ElementContent =>
	text ? { type: 'text', value: text } : h('span.kpe-nr', 'Not reported');

/** A body cell: a row header (`th`) or a data cell, with its content. */
export interface BodyCell {
	header?: boolean;
	className?: string;
	/** How many columns the cell spans (1 if unset); its label names each of them. */
	span?: number;
	children: (ElementContent | string)[];
}

export interface BodyRow {
	properties?: Record<string, string>;
	cells: BodyCell[];
}

export interface DataTable {
	/** `evidence-table-3`: the caption's id; the table's is `<id>-table`. */
	id: string;
	caption: string;
	/** The scroll box's class, which the styles and tests tell tables apart by. */
	kind: string;
	columns: readonly string[];
	rows: readonly BodyRow[];
}

/**
 * A generated table: it scrolls sideways inside a captioned, focusable region (keyboards can scroll
 * it) where it fits, and on a phone CSS turns each row into a block. Every body cell carries its
 * column heading (`data-label`, which the phone layout shows beside the cell), and each table part
 * its ARIA role: some browsers drop table semantics when CSS changes a table's `display`, and the
 * roles keep rows and headers for screen readers whatever the layout.
 */
export function dataTable({ id, caption, kind, columns, rows }: DataTable): Element {
	const head = h('thead', { role: 'rowgroup' }, [
		h(
			'tr',
			{ role: 'row' },
			columns.map((label) => h('th', { scope: 'col', role: 'columnheader' }, label)),
		),
	]);
	const body = h(
		'tbody',
		{ role: 'rowgroup' },
		rows.map(({ properties, cells }) => {
			let column = 0;
			return h(
				'tr',
				{ ...properties, role: 'row' },
				cells.map(({ header, className, span = 1, children }) => {
					const labels = columns.slice(column, (column += span));
					return h(
						header ? 'th' : 'td',
						{
							...(header ? { scope: 'row' } : {}),
							...(span > 1 ? { colSpan: span } : {}),
							className,
							role: header ? 'rowheader' : 'cell',
							dataLabel: labels.join(' · '),
						},
						children,
					);
				}),
			);
		}),
	);
	return h(
		'div',
		{
			className: ['kpe-table-scroll', kind],
			role: 'region',
			ariaLabelledBy: id,
			tabIndex: 0,
		},
		[
			h('table.kpe-table', { id: `${id}-table`, role: 'table', dataReflow: '' }, [
				h('caption', { id }, caption),
				head,
				body,
			]),
		],
	);
}

/** "Randomised trial · n = 40" under a study's name. */
function studyDetail(facts: StudyFacts): Element {
	const n = facts.n === null ? 'n not reported' : `n\u00a0=\u00a0${facts.n}`;
	return h('span.kpe-row-detail', `${DESIGN_LABELS[facts.design]} · ${n}`);
}

export interface EvidenceRow {
	facts: StudyFacts;
	csl: CslItem;
	/** The study's library-wide label (see `studyLabels`); defaults to author and year. */
	label?: string;
	/** The bibliographic record was only partly seen (an `unverified` reason in the BibTeX entry). */
	partlySeen?: boolean;
	/** The study's citation cluster, from the page's numbering. */
	cite: ElementContent;
}

/** The row header of a study: its label linking to its page, its citation, design and n. */
function studyHeader(
	{ facts, csl, label, cite }: EvidenceRow,
	base: string,
	flag: ElementContent[] = [],
) {
	return {
		header: true,
		children: [studyLink(facts.key, csl, label, base), ' ', cite, studyDetail(facts), ...flag],
	};
}

/**
 * Four columns, so a row stays readable at desktop width: study (with design and n), regimen and
 * comparator, follow-up, result. On a phone each row reflows into a block of labelled cells.
 */
export function renderEvidenceTable(
	id: string,
	caption: string,
	rows: readonly EvidenceRow[],
	base = '/',
): Element {
	return dataTable({
		id,
		caption,
		kind: 'kpe-evidence',
		columns: [
			'Study, design, people (n)',
			'Regimen and comparator',
			'Follow-up',
			'Result as reported',
		],
		rows: rows.map((row) => {
			const { facts, partlySeen } = row;
			const flag = partlySeen
				? [h('span.kpe-unverified', 'Details not verified')]
				: facts.verified
					? []
					: [h('span.kpe-unverified', 'Identifier not verified')];
			return {
				properties: { dataKey: facts.key },
				cells: [
					studyHeader(row, base, flag),
					{
						children: [
							cell(facts.regimen),
							h('span.kpe-row-detail', ['vs ', cell(facts.comparator)]),
						],
					},
					{ children: [cell(facts.followUp)] },
					{ children: [cell(facts.result ?? facts.keyFacts.join(' '))] },
				],
			};
		}),
	});
}

export interface ProtocolRow extends EvidenceRow {
	/** The condition the row is listed under. */
	condition: string;
}

/** Doses, routes and sessions actually used in trials, grouped by condition. */
export function renderProtocolTable(
	id: string,
	caption: string,
	rows: readonly ProtocolRow[],
	base = '/',
): Element {
	return dataTable({
		id,
		caption,
		kind: 'kpe-protocol',
		columns: [
			'Condition',
			'Study, design, people (n)',
			'Route',
			'Dose, duration and sessions',
			'Follow-up',
		],
		rows: rows.map((row) => ({
			properties: { dataKey: row.facts.key },
			cells: [
				{ children: [row.condition] },
				studyHeader(row, base),
				{ children: [cell(row.facts.route)] },
				{ children: [cell(row.facts.regimen)] },
				{ children: [cell(row.facts.followUp)] },
			],
		})),
	});
}

const REASON_LABELS: Record<Outcome['downgrades'][number]['reason'], string> = {
	'risk-of-bias': 'Risk of bias',
	inconsistency: 'Inconsistency',
	indirectness: 'Indirectness',
	imprecision: 'Imprecision',
	'publication-bias': 'Publication bias',
};

const UPGRADE_LABELS: Record<Outcome['upgrades'][number]['reason'], string> = {
	'large-effect': 'Large effect',
	'dose-response': 'Dose-response',
	confounding: 'Confounding that would shrink the effect',
};

/** The n-th footnote mark (1-based): a … z, then aa, ab … */
export function noteLetter(n: number): string {
	let out = '';
	for (let i = n; i > 0; i = Math.floor((i - 1) / 26))
		out = String.fromCharCode(97 + ((i - 1) % 26)) + out;
	return out;
}

export interface SummaryRow {
	outcome: Outcome;
	/** Studies behind the outcome, with their facts (for n) and publication year (for overlap). */
	studies: { facts: StudyFacts; year?: number | undefined }[];
	/** The outcome's citation cluster, from the page's numbering. */
	cite: ElementContent;
}

/** The count a row names (`counts: { study, id }`) with its absolute effect, or null. */
export function rowAbsoluteEffect(
	outcome: Outcome,
	studies: readonly { facts: StudyFacts }[],
): { count: StudyCount; facts: StudyFacts; effect: AbsoluteEffect } | null {
	if (!outcome.counts) return null;
	const facts = studies.find((s) => s.facts.key === outcome.counts!.study)?.facts;
	const count = facts?.counts.find((c) => c.id === outcome.counts!.id);
	if (!facts || !count) return null;
	const effect = absoluteEffect(count, !count.paired);
	return effect ? { count, facts, effect } : null;
}

/** A cell of the three risk columns when the study gave no counts: the cell itself styled, no wrapper. */
/** The three absolute-effect columns of a row without counts: one cell says so once. */
const NOT_COUNTED: BodyCell = {
	className: 'kpe-nr',
	span: 3,
	children: ['Not reported as counts'],
};

/**
 * The anchor of an outcome's row in the page's summary of findings (the evidence map links to it).
 * Rows follow the frontmatter `outcomes` order; a page has one summary of findings.
 */
export function outcomeRowId(index: number): string {
	return `outcome-${index + 1}`;
}

export function renderSummaryOfFindings(
	id: string,
	caption: string,
	rows: readonly SummaryRow[],
	base = '/',
): Element {
	const footnotes: string[] = [];
	const bodyRows = rows.map(({ outcome, studies, cite }, index): BodyRow => {
		const people = peopleLabel(countPeople(studies));
		const absolute = rowAbsoluteEffect(outcome, studies);
		const notes = [
			...(outcome.adopts
				? [
						{
							label: 'Rating adopted from the review',
							text: `The review’s own rating (${CERTAINTY_LABELS[outcome.adopts.certainty].word.toLowerCase()}), taken as it stands: ${outcome.adopts.note}`,
						},
					]
				: []),
			...outcome.downgrades.map((d) => ({
				label: `Reason rated down: ${REASON_LABELS[d.reason].toLowerCase()}`,
				text: `${REASON_LABELS[d.reason]} (rated down ${d.levels === 2 ? 'two levels' : 'one level'}): ${d.note}`,
			})),
			...outcome.upgrades.map((u) => ({
				label: `Reason rated up: ${UPGRADE_LABELS[u.reason].toLowerCase()}`,
				text: `${UPGRADE_LABELS[u.reason]} (rated up ${u.levels === 2 ? 'two levels' : 'one level'}): ${u.note}`,
			})),
		];
		const computed = computeCertainty(outcome);
		const start =
			outcome.start && computed
				? [
						h(
							'span.kpe-row-detail',
							`Starts ${outcome.start === 'randomised' ? 'high (randomised)' : 'low (observational)'}`,
						),
					]
				: [];
		const marks = notes.flatMap(({ label, text }) => {
			footnotes.push(text);
			const n = footnotes.length;
			// Letters, so they are never mistaken for citation numbers; the name says the reason.
			const mark = noteLetter(n);
			return [
				' ',
				h(
					'a.kpe-sof-mark',
					{
						href: `#${id}-note-${n}`,
						id: `${id}-mark-${n}`,
						ariaLabel: `${label} (note ${mark})`,
					},
					mark,
				),
			];
		});
		return {
			properties: { id: outcomeRowId(index) },
			cells: [
				{ header: true, children: [outcome.outcome] },
				{ children: [people] },
				...(absolute
					? [
							{
								children: [
									formatRisk(absolute.effect.controlRisk),
									h('span.kpe-row-detail', absolute.count.control?.label ?? 'comparator'),
								],
							},
							{ children: [formatRisk(absolute.effect.ketamineRisk)] },
							{ children: [formatDifference(absolute.effect)] },
						]
					: [NOT_COUNTED]),
				{ children: [outcome.effect, ' ', cite] },
				{
					className: 'kpe-sof-certainty',
					children: [certaintyBadge(outcome.certainty, base), ...marks, ...start],
				},
			],
		};
	});
	const table = dataTable({
		id,
		caption,
		kind: 'kpe-sof-table',
		columns: [
			'Outcome',
			'Studies (people)',
			'Risk with placebo or comparator',
			'Risk with ketamine',
			'Difference per 1,000',
			'Effect',
			'Certainty',
		],
		rows: bodyRows,
	});
	const notes = footnotes.length
		? [
				h(
					'ol.kpe-sof-notes',
					{ type: 'a', ariaLabel: 'How each rating was reached' },
					footnotes.map((text, i) =>
						h('li', { id: `${id}-note-${i + 1}` }, [
							text,
							' ',
							h('a', { href: `#${id}-mark-${i + 1}`, ariaLabel: 'Back to the table' }, '↩'),
						]),
					),
				),
			]
		: [];
	return h('div.kpe-sof', [table, ...notes]);
}

export { CERTAINTY_LABELS };
