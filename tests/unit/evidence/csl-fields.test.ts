import { describe, expect, it } from 'vitest';
import {
	cslYear,
	doiUrl,
	familyName,
	personName,
	pubmedUrl,
} from '../../../src/engine/read/csl-fields.ts';
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

	it('reads a year only when there is one', () => {
		expect(cslYear({ issued: { 'date-parts': [[2025, 3]] } })).toBe(2025);
		expect(cslYear({ issued: { 'date-parts': [['2009']] } } as never)).toBe(2009);
		expect(cslYear({})).toBeUndefined();
		expect(cslYear({ issued: { 'date-parts': [['']] } } as never)).toBeUndefined();
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
