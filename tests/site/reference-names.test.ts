/** What the built site prints for author lists cut short with BibTeX `and others`, and for missing years. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, readPage, visibleText } from '../support/dist.ts';
import { DIST } from '../support/paths.ts';

describe('reference names', () => {
	it('no page prints "others" as an author, and each such list says "et al."', () => {
		const offenders = builtPages().filter((path) =>
			/\bothers\.(?:\s|$)/.test(visibleText(readPage(path).querySelector('body'))),
		);
		expect(offenders).toEqual([]);
		expect(visibleText(readPage('/conditions/fibromyalgia/').querySelector('body'))).toContain(
			'Ferraro MC, et al.',
		);
	});

	it('the library exports keep "et al." as BibTeX `and others` and never as an RIS author', () => {
		const bib = readFileSync(join(DIST, 'exports/library.bib'), 'utf8');
		const ris = readFileSync(join(DIST, 'exports/library.ris'), 'utf8');
		expect(bib).not.toContain('{others}');
		expect(bib).toContain('author = {Ferraro, Michael C. and others}');
		expect(ris).not.toMatch(/^AU {2}- others/m);
	});

	it('a study with no verified year is labelled "n.d.", not a bare name', () => {
		expect(visibleText(readPage('/studies/eichenberger2008chronic/').querySelector('h1'))).toBe(
			'Eichenberger n.d.',
		);
	});
});
