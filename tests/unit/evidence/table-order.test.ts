import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
/**
 * Evidence tables: strongest design first (reviews and randomised trials before cohorts, case
 * reports and narrative reviews), and one distinct label per study where first author and year
 * coincide ("Mangnus 2021a" / "Mangnus 2021b").
 */
import { describe, expect, it } from 'vitest';
import type { StudyFacts } from '../../../src/engine/read/facts-schema.ts';
import type { CslItem } from '../../../src/engine/read/library.ts';
import {
	compareStudies,
	renderEvidenceTable,
	studyLabels,
} from '../../../src/engine/render/tables.ts';

const csl = (id: string, family: string, year: number): CslItem =>
	({
		id,
		type: 'article-journal',
		author: [{ family }],
		issued: { 'date-parts': [[year]] },
	}) as CslItem;
const facts = (key: string, design: StudyFacts['design']): StudyFacts =>
	({
		key,
		design,
		verified: true,
		n: 10,
		conditions: [],
		topics: [],
		keyFacts: [],
		sources: [],
		verifiedFields: [],
		includes: [],
		counts: [],
	}) as StudyFacts;

describe('evidence table order', () => {
	it('puts meta-analyses, systematic reviews and randomised trials before cohorts, case reports and narrative reviews', () => {
		const rows = [
			{ facts: facts('c', 'case-report'), csl: csl('c', 'Case', 2023) },
			{ facts: facts('n', 'narrative-review'), csl: csl('n', 'Narr', 2024) },
			{ facts: facts('r', 'rct'), csl: csl('r', 'Trial', 2009) },
			{ facts: facts('o', 'cohort'), csl: csl('o', 'Cohort', 2021) },
			{ facts: facts('m', 'meta-analysis'), csl: csl('m', 'Meta', 2025) },
			{ facts: facts('s', 'systematic-review'), csl: csl('s', 'Review', 2013) },
			{ facts: facts('x', 'crossover-rct'), csl: csl('x', 'Cross', 1996) },
		];
		expect(rows.sort(compareStudies).map((r) => r.facts.design)).toEqual([
			'meta-analysis',
			'systematic-review',
			'rct',
			'crossover-rct',
			'cohort',
			'case-report',
			'narrative-review',
		]);
	});

	it('puts newer studies first within a design', () => {
		const rows = [
			{ facts: facts('old', 'meta-analysis'), csl: csl('old', 'Collins', 2010) },
			{ facts: facts('new', 'meta-analysis'), csl: csl('new', 'Ferraro', 2025) },
		];
		expect(rows.sort(compareStudies).map((r) => r.facts.key)).toEqual(['new', 'old']);
	});
});

describe('study labels', () => {
	const labels = studyLabels([
		csl('mangnus2021ketamine', 'Mangnus', 2021),
		csl('mangnus2021effect', 'Mangnus', 2021),
		csl('noppers2011absence', 'Noppers', 2011),
		csl('noppers2010other', 'Noppers', 2010),
	]);

	it('adds a and b, in key order, when first author and year coincide', () => {
		expect(labels.get('mangnus2021effect')).toBe('Mangnus 2021a');
		expect(labels.get('mangnus2021ketamine')).toBe('Mangnus 2021b');
	});

	it('leaves unique author-year labels alone', () => {
		expect(labels.get('noppers2011absence')).toBe('Noppers 2011');
		expect(labels.get('noppers2010other')).toBe('Noppers 2010');
	});

	it('shows the distinct label in the table, and flags a partly seen record', () => {
		const html = toHtml(
			renderEvidenceTable('t', 'Caption', [
				{
					facts: facts('mangnus2021effect', 'cohort'),
					csl: csl('mangnus2021effect', 'Mangnus', 2021),
					label: labels.get('mangnus2021effect'),
					cite: h('span'),
				},
				{
					facts: { ...facts('e', 'crossover-rct'), verified: false },
					csl: csl('e', 'Eichenberger', 2008),
					partlySeen: true,
					cite: h('span'),
				},
			]),
		);
		expect(html).toContain('>Mangnus 2021a</a>');
		expect(html).toContain('Details not verified');
		expect(html).not.toContain('Identifier not verified');
	});
});
