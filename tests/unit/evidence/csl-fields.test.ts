import { describe, expect, it } from 'vitest';
import {
	cslDateParts,
	cslYear,
	doiUrl,
	familyName,
	firstAuthorName,
	personName,
	pubmedUrl,
	shortName,
} from '../../../src/engine/read/csl-fields.ts';
import { compareRecords } from '../../../src/engine/check/record-compare.ts';
import { highwireMeta, studyJsonLd } from '../../../src/engine/render/structured-data.ts';
import type { CslItem } from '../../../src/engine/read/library.ts';

const deCarvalho = {
	given: 'L. B.',
	family: 'Carvalho',
	'non-dropping-particle': 'de',
} as NonNullable<CslItem['author']>[number];

describe('CSL fields read once', () => {
	it('encodes the characters of a DOI that would end a URL path', () => {
		expect(doiUrl('10.1000/a#b?c')).toBe('https://doi.org/10.1000/a%23b%3Fc');
		expect(doiUrl('10.1212/WNL.0b013e3182824e66')).toBe(
			'https://doi.org/10.1212/WNL.0b013e3182824e66',
		);
		expect(pubmedUrl('23365053')).toBe('https://pubmed.ncbi.nlm.nih.gov/23365053/');
	});

	it('keeps name particles', () => {
		expect(familyName(deCarvalho)).toBe('de Carvalho');
		expect(personName(deCarvalho)).toBe('L. B. de Carvalho');
		expect(personName({ literal: 'FDA' } as never)).toBe('FDA');
	});

	it('writes the short form and the first author with the particle too', () => {
		expect(shortName(deCarvalho)).toBe('de Carvalho LB');
		expect(shortName({ family: 'Noppers', given: 'Ingrid' } as never)).toBe('Noppers I');
		expect(shortName({ literal: 'FDA' } as never)).toBe('FDA');
		expect(firstAuthorName({ author: [deCarvalho] })).toBe('de Carvalho');
		expect(firstAuthorName({})).toBe('');
	});

	it('matches a BibTeX name with its particle apart to a record that writes it in the family name', () => {
		const ours = { title: 'A trial', author: [deCarvalho], issued: { 'date-parts': [[2020]] } };
		const theirs = { ...ours, author: [{ family: 'de Carvalho', given: 'L. B.' }] };
		expect(compareRecords(ours, theirs as never)).toEqual([]);
	});

	it('reads a year only when there is one', () => {
		expect(cslYear({ issued: { 'date-parts': [[2025, 3]] } })).toBe(2025);
		expect(cslYear({ issued: { 'date-parts': [['2009']] } } as never)).toBe(2009);
		expect(cslYear({})).toBeUndefined();
		expect(cslYear({ issued: { 'date-parts': [['']] } } as never)).toBeUndefined();
		expect(cslYear({ issued: { 'date-parts': [[0]] } })).toBeUndefined();
		expect(cslDateParts({ issued: { 'date-parts': [[2011, 3, 5]] } })).toEqual([2011, 3, 5]);
		expect(cslDateParts({ issued: { 'date-parts': [['']] } } as never)).toEqual([]);
	});
});

describe('study metadata names and links a study as its page does', () => {
	const csl = {
		id: 'x2020',
		type: 'article-journal',
		title: 'A trial',
		author: [deCarvalho],
		issued: { 'date-parts': [[2020]] },
		DOI: '10.1000/a#b',
	} as CslItem;

	it('JSON-LD: encoded DOI address, name with its particle', () => {
		const ld = studyJsonLd(csl, { url: 'https://example.org/studies/x2020/', verified: true });
		expect(ld.sameAs).toBe('https://doi.org/10.1000/a%23b');
		expect(JSON.stringify(ld.author)).toContain('L. B. de Carvalho');
		expect(ld.datePublished).toBe('2020');
	});

	it('Highwire: citation_author keeps the particle', () => {
		const tags = highwireMeta(csl, true);
		expect(tags).toContainEqual({ name: 'citation_author', content: 'de Carvalho, L. B.' });
	});
});
