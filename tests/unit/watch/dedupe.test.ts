/** De-duplication: every spelling of an identifier, titles, earlier decisions, and merging sources. */
import { describe, expect, it } from 'vitest';
import {
	KnownRecords,
	mergeRecords,
	normaliseDoi,
	normaliseNct,
	normalisePmid,
} from '../../../src/watch/dedupe.ts';
import type { FoundRecord } from '../../../src/watch/schema.ts';

const library = [
	{
		key: 'sigtermans2009ketamine',
		doi: '10.1016/j.pain.2009.06.023',
		pmid: '19604642',
		ncts: [],
		title:
			'Ketamine produces effective and long-term pain relief in patients with Complex Regional Pain Syndrome Type 1',
		firstAuthor: 'Sigtermans',
		year: 2009,
	},
	{
		key: 'schwartzman2009outpatient',
		ncts: ['NCT00579085'],
		title:
			'Outpatient intravenous ketamine for the treatment of complex regional pain syndrome: a double-blind placebo controlled study',
		firstAuthor: 'Schwartzman',
		year: 2009,
	},
];
const known = new KnownRecords(library, ['pmid:99000009']);
const record = (over: Partial<FoundRecord>): FoundRecord => ({
	id: 'epmc:PPR:PPR1',
	title: 'Something else entirely about ketamine',
	abstract: '',
	kind: 'other',
	types: [],
	sources: ['europepmc'],
	pages: ['conditions/crps'],
	...over,
});

describe('DOI spellings', () => {
	it.each([
		'10.1016/j.pain.2009.06.023',
		'10.1016/J.PAIN.2009.06.023',
		'https://doi.org/10.1016/j.pain.2009.06.023',
		'http://dx.doi.org/10.1016/J.Pain.2009.06.023',
		'doi:10.1016/j.pain.2009.06.023',
		'DOI: 10.1016/j.pain.2009.06.023 ',
		'https://doi.org/10.1016%2Fj.pain.2009.06.023',
	])('%s matches the library entry', (doi) => {
		expect(normaliseDoi(doi)).toBe('10.1016/j.pain.2009.06.023');
		expect(known.match(record({ doi }))).toEqual({
			of: 'library',
			key: 'sigtermans2009ketamine',
			by: 'doi',
		});
	});

	it('is not a DOI without the 10. prefix', () => {
		expect(normaliseDoi('j.pain.2009.06.023')).toBeUndefined();
	});
});

describe('other identifiers and titles', () => {
	it('matches by PMID, in any spelling', () => {
		expect(normalisePmid('PMID: 19604642')).toBe('19604642');
		expect(known.match(record({ pmid: '19604642' }))).toEqual({
			of: 'library',
			key: 'sigtermans2009ketamine',
			by: 'pmid',
		});
	});

	it('matches by an NCT number named in a study’s facts', () => {
		expect(normaliseNct('nct00579085')).toBe('NCT00579085');
		expect(known.match(record({ nct: 'NCT00579085' }))).toEqual({
			of: 'library',
			key: 'schwartzman2009outpatient',
			by: 'nct',
		});
	});

	it('matches a near-identical title with the same first author and year (case, punctuation, a typo)', () => {
		const match = known.match(
			record({
				title:
					'Ketamine produces effective and long term pain relief in patients with complex regional pain syndrome type 1.',
				firstAuthor: 'Sigtermans',
				year: 2009,
			}),
		);
		expect(match).toEqual({ of: 'library', key: 'sigtermans2009ketamine', by: 'title' });
	});

	it('does not match the same title by another first author, or years apart', () => {
		const title = library[0]!.title;
		expect(known.match(record({ title, firstAuthor: 'Someone', year: 2009 }))).toBeUndefined();
		expect(known.match(record({ title, firstAuthor: 'Sigtermans', year: 2019 }))).toBeUndefined();
	});

	it('matches a record already decided', () => {
		expect(known.match(record({ id: 'pmid:99000009', pmid: '99000009' }))).toEqual({
			of: 'decision',
			key: 'pmid:99000009',
			by: 'pmid',
		});
	});
});

describe('merging the same record from two sources', () => {
	it('keeps one record, with the PMID as its id and the abstract from Europe PMC', () => {
		const merged = mergeRecords([
			record({
				id: 'doi:10.5555/x',
				doi: '10.5555/X',
				abstract: 'An abstract.',
				sources: ['europepmc'],
			}),
			record({
				id: 'pmid:99000001',
				pmid: '99000001',
				doi: '10.5555/x',
				sources: ['pubmed'],
				pages: ['conditions/fibromyalgia'],
			}),
		]);
		expect(merged).toHaveLength(1);
		expect(merged[0]).toMatchObject({
			id: 'pmid:99000001',
			abstract: 'An abstract.',
			sources: ['europepmc', 'pubmed'],
			pages: ['conditions/crps', 'conditions/fibromyalgia'],
		});
	});
});
