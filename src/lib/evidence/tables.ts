/**
 * The evidence table (one row per study, from the facts files) and the summary-of-findings table
 * (one row per GRADE-rated outcome, from page frontmatter). Pure HTML builders; the Markdown plugin
 * supplies the citation HTML so numbering stays consistent with the rest of the page.
 */
import type { Outcome } from '../page-frontmatter.ts';
import { CERTAINTY_LABELS, renderCertaintyBadge } from './certainty.ts';
import { DESIGN_LABELS, DESIGNS, type StudyFacts } from './facts-schema.ts';
import { escapeHtml, familyName } from './format.ts';
import type { CslItem } from './library.ts';

/** "Noppers 2011": first author's family name and year. */
export function studyLabel(csl: CslItem): string {
	const first = csl.author?.[0];
	const name = first ? familyName(first) || csl.id : csl.id;
	const year = csl.issued?.['date-parts']?.[0]?.[0];
	return `${name}${year ? ` ${year}` : ''}`;
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
export function studyLink(key: string, csl: CslItem, label = studyLabel(csl)): string {
	return `<a href="/studies/${encodeURIComponent(key)}/">${escapeHtml(label)}</a>`;
}

/** Orders studies strongest design first, then newest first. */
export function compareStudies(
	a: { facts: StudyFacts; csl: CslItem },
	b: { facts: StudyFacts; csl: CslItem },
): number {
	const rank = (f: StudyFacts) => DESIGNS.indexOf(f.design);
	const year = (c: CslItem) => Number(c.issued?.['date-parts']?.[0]?.[0] ?? 0);
	return (
		rank(a.facts) - rank(b.facts) || year(b.csl) - year(a.csl) || a.csl.id.localeCompare(b.csl.id)
	);
}

const cell = (text: string | undefined | null) =>
	text ? escapeHtml(text) : '<span class="kpe-nr">Not reported</span>';

/** A table that scrolls sideways on a phone instead of squashing; focusable so keyboards can scroll it. */
function scrollWrapper(id: string, caption: string, table: string, kind = 'kpe-evidence'): string {
	return `<div class="kpe-table-scroll ${kind}" role="region" aria-labelledby="${id}" tabindex="0"><table class="kpe-table" id="${id}-table"><caption id="${id}">${escapeHtml(caption)}</caption>${table}</table></div>`;
}

export interface EvidenceRow {
	facts: StudyFacts;
	csl: CslItem;
	/** The study's library-wide label (see `studyLabels`); defaults to author and year. */
	label?: string;
	/** The bibliographic record was only partly seen (an `unverified` reason in the BibTeX entry). */
	partlySeen?: boolean;
	/** Citation HTML for the study (a cluster), from the page's numbering. */
	citeHtml: string;
}

/**
 * Four columns, so a row stays readable at desktop width: study (with design and n), regimen and
 * comparator, follow-up, result. On a phone the table scrolls sideways inside its captioned region.
 */
export function renderEvidenceTable(
	id: string,
	caption: string,
	rows: readonly EvidenceRow[],
): string {
	const head =
		'<thead><tr><th scope="col">Study, design, people (n)</th><th scope="col">Regimen and comparator</th><th scope="col">Follow-up</th><th scope="col">Result as reported</th></tr></thead>';
	const body = rows
		.map(({ facts, csl, citeHtml, label, partlySeen }) => {
			const result = facts.result ?? facts.keyFacts.join(' ');
			const flag = partlySeen
				? '<span class="kpe-unverified">Details not verified</span>'
				: facts.verified
					? ''
					: '<span class="kpe-unverified">Identifier not verified</span>';
			const n = facts.n === null ? 'n not reported' : `n\u00a0=\u00a0${facts.n}`;
			return (
				`<tr data-key="${escapeHtml(facts.key)}">` +
				`<th scope="row">${studyLink(facts.key, csl, label)} ${citeHtml}<span class="kpe-row-detail">${escapeHtml(DESIGN_LABELS[facts.design])} · ${n}</span>${flag}</th>` +
				`<td>${cell(facts.regimen)}<span class="kpe-row-detail"><span class="kpe-vs">vs</span> ${cell(facts.comparator)}</span></td>` +
				`<td>${cell(facts.followUp)}</td><td>${cell(result)}</td></tr>`
			);
		})
		.join('');
	return scrollWrapper(id, caption, `${head}<tbody>${body}</tbody>`);
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
): string {
	const head =
		'<thead><tr><th scope="col">Condition</th><th scope="col">Study, design, people (n)</th><th scope="col">Route</th><th scope="col">Dose, duration and sessions</th><th scope="col">Follow-up</th></tr></thead>';
	const body = rows
		.map(({ condition, facts, csl, citeHtml, label }) => {
			const n = facts.n === null ? 'n not reported' : `n\u00a0=\u00a0${facts.n}`;
			return (
				`<tr data-key="${escapeHtml(facts.key)}"><td>${escapeHtml(condition)}</td>` +
				`<th scope="row">${studyLink(facts.key, csl, label)} ${citeHtml}<span class="kpe-row-detail">${escapeHtml(DESIGN_LABELS[facts.design])} · ${n}</span></th>` +
				`<td>${cell(facts.route)}</td><td>${cell(facts.regimen)}</td><td>${cell(facts.followUp)}</td></tr>`
			);
		})
		.join('');
	return scrollWrapper(id, caption, `${head}<tbody>${body}</tbody>`, 'kpe-protocol');
}

const REASON_LABELS: Record<Outcome['downgrades'][number]['reason'], string> = {
	'risk-of-bias': 'Risk of bias',
	inconsistency: 'Inconsistency',
	indirectness: 'Indirectness',
	imprecision: 'Imprecision',
	'publication-bias': 'Publication bias',
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
	/** Studies behind the outcome, with their facts (for n). */
	studies: { facts: StudyFacts }[];
	citeHtml: string;
}

/** Participants across studies: the sum of known n, and how many studies gave none. */
export function countParticipants(studies: readonly { facts: StudyFacts }[]): {
	total: number;
	unknown: number;
} {
	return studies.reduce(
		(acc, { facts }) =>
			facts.n === null
				? { ...acc, unknown: acc.unknown + 1 }
				: { ...acc, total: acc.total + facts.n },
		{ total: 0, unknown: 0 },
	);
}

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
): string {
	const footnotes: string[] = [];
	const head =
		'<thead><tr><th scope="col">Outcome</th><th scope="col">Studies (people)</th><th scope="col">Effect</th><th scope="col">Certainty</th></tr></thead>';
	const body = rows
		.map(({ outcome, studies, citeHtml }, index) => {
			const { total, unknown } = countParticipants(studies);
			const people = `${studies.length} ${studies.length === 1 ? 'study' : 'studies'} (${total}${unknown ? `; ${unknown} without a count` : ''})`;
			const marks = outcome.downgrades.map((d) => {
				footnotes.push(
					`${REASON_LABELS[d.reason]} (rated down ${d.levels === 2 ? 'two levels' : 'one level'}): ${escapeHtml(d.note)}`,
				);
				const n = footnotes.length;
				// Letters, so they are never mistaken for citation numbers; the name says the reason.
				const mark = noteLetter(n);
				return `<sup class="kpe-sof-mark"><a href="#${id}-note-${n}" id="${id}-mark-${n}" aria-label="Reason rated down: ${REASON_LABELS[d.reason].toLowerCase()} (note ${mark})">${mark}</a></sup>`;
			});
			return (
				`<tr id="${outcomeRowId(index)}"><th scope="row">${escapeHtml(outcome.outcome)}</th><td>${people}</td>` +
				`<td>${escapeHtml(outcome.effect)} ${citeHtml}</td>` +
				`<td class="kpe-sof-certainty">${renderCertaintyBadge(outcome.certainty)}${marks.length ? ` ${marks.join(' ')}` : ''}</td></tr>`
			);
		})
		.join('');
	const notes = footnotes.length
		? `<ol class="kpe-sof-notes" type="a" aria-label="Reasons the evidence was rated down">${footnotes
				.map(
					(text, i) =>
						`<li id="${id}-note-${i + 1}">${text} <a href="#${id}-mark-${i + 1}" aria-label="Back to the table">↩</a></li>`,
				)
				.join('')}</ol>`
		: '';
	return `<div class="kpe-sof">${scrollWrapper(id, caption, `${head}<tbody>${body}</tbody>`, 'kpe-sof-table')}${notes}</div>`;
}

export { CERTAINTY_LABELS };
