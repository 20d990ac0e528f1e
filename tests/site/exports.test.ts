/** Reference-manager exports: every .bib reads back with citation-js to the same entries; every .ris has one record per entry. */
import { hasEtAl } from '../../src/engine/read/et-al.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/paths.ts';
import { builtPages, readPage, referenceKey } from '../support/dist.ts';
import { checkProject } from '../../src/engine/check/check-project.ts';

import { normaliseText } from '../../src/engine/render/format.ts';
import type { CslItem } from '../../src/engine/read/csl-fields.ts';

const evidence = checkProject({ root: process.cwd() });
const isVerified = (key: string) => evidence.facts.byKey.get(key)?.facts.verified !== false;
const allKeys = [...evidence.library.entries.keys()].sort();
/**
 * The keys each export file must hold, read from the built pages (not from the export code): the
 * library and each study page hold every key; each page that links to a page export holds the keys
 * of its own reference list.
 */
const expected = new Map<string, string[]>([['library', allKeys]]);
for (const key of allKeys) expected.set(`studies/${key}`, [key]);
/** Pages that cite studies but show no "Cite this page" block: their exports exist, unlinked. */
const UNLINKED = new Map([
	['/topics/regimens-by-study/', 'pages/topics-regimens-by-study'],
	['/', 'pages/home'],
	['/claims/', 'pages/claims'],
	['/glossary/', 'pages/glossary'],
]);
for (const path of builtPages()) {
	const page = readPage(path);
	const link = page
		.querySelector('a[href^="/exports/pages/"][href$=".bib"]')
		?.getAttribute('href')
		?.replace(/^\/exports\/|\.bib$/g, '');
	const name = link ?? UNLINKED.get(path);
	if (!name) continue;
	const keys = new Set(page.querySelectorAll('ol.kpe-references > li').map(referenceKey));
	expected.set(name, [...keys].sort());
}

const files = (ext: string) =>
	[...expected.keys()].map((name) => ({ name, file: join(DIST, 'exports', `${name}.${ext}`) }));

/** What a reference manager cares about, normalised so BibTeX's own escaping does not count. */
function essentials(item: Record<string, unknown>) {
	const year = (item.issued as { 'date-parts'?: unknown[][] } | undefined)?.[
		'date-parts'
	]?.[0]?.[0];
	return {
		title: normaliseText(String(item.title ?? '')).replace(/[{}]/g, ''),
		year: year === undefined ? undefined : String(year),
		DOI: item.DOI ? String(item.DOI).toLowerCase() : undefined,
		authors: ((item.author as { family?: string; literal?: string }[]) ?? []).map((a) =>
			normaliseText(a.family ?? a.literal ?? ''),
		),
	};
}

describe('BibTeX exports', () => {
	it('there is one for the library, each study and each page that cites studies', () => {
		const names = readdirSync(join(DIST, 'exports/studies')).filter((f) => f.endsWith('.bib'));
		expect(names).toHaveLength(allKeys.length);
		// Each page export belongs to a page (that links to it, or is listed as unlinked), and back.
		const pageFiles = readdirSync(join(DIST, 'exports/pages'))
			.filter((f) => f.endsWith('.bib'))
			.map((f) => `pages/${f.replace(/\.bib$/, '')}`);
		expect(pageFiles.sort()).toEqual(
			[...expected.keys()].filter((k) => k.startsWith('pages/')).sort(),
		);
		// The library, every study, and every condition and topic page that cites studies.
		expect(expected.size - allKeys.length - 1).toBeGreaterThan(10);
	});
	it.each(files('bib'))('$name.bib parses back to the same entries', ({ name, file }) => {
		const parsed = new Cite(readFileSync(file, 'utf8')).data as Record<string, unknown>[];
		const keys = expected.get(name)!;
		expect(parsed.map((item) => String(item['citation-key'] ?? item.id))).toEqual(keys);
		for (const item of parsed) {
			const key = String(item['citation-key'] ?? item.id);
			// Compared with the library itself; an unverified entry's identifiers are never exported.
			const source = { ...evidence.library.entries.get(key)!.csl } as CslItem;
			if (!isVerified(key)) delete source.DOI;
			// BibTeX `and others` ("et al.") reads back as a person; the library marks it instead.
			const expectedItem = hasEtAl(source)
				? { ...source, author: [...(source.author ?? []), { family: 'others' }] }
				: source;
			expect(essentials(item)).toEqual(essentials(expectedItem as Record<string, unknown>));
			if (!isVerified(key)) expect(item.DOI).toBeUndefined();
		}
	});
});

describe('RIS exports', () => {
	it.each(files('ris'))('$name.ris has one record per entry', ({ name, file }) => {
		const text = readFileSync(file, 'utf8');
		const keys = expected.get(name)!;
		expect(text.match(/^TY {2}- /gm)?.length).toBe(keys.length);
		expect(text.match(/^ER {2}- ?$/gm)?.length).toBe(keys.length);
		const parsed = new Cite(text).data as Record<string, unknown>[];
		expect(parsed).toHaveLength(keys.length);
	});
});

describe('export links', () => {
	it('study pages, condition pages and the studies index link to their exports', () => {
		const study = readPage('/studies/noppers2011absence/');
		expect(study.querySelector('a[href="/exports/studies/noppers2011absence.bib"]')).not.toBeNull();
		expect(study.querySelector('a[href="/exports/studies/noppers2011absence.ris"]')).not.toBeNull();
		const crps = readPage('/conditions/crps/');
		expect(crps.querySelector('a[href="/exports/pages/conditions-crps.bib"]')).not.toBeNull();
		expect(crps.querySelector('.kpe-cite-vancouver')?.textContent).toMatch(
			/Ketamine Pain Evidence editors\. Complex regional pain syndrome \(CRPS\) \[Internet\]/,
		);
		const bibtex = crps.querySelector('.kpe-cite-page pre')?.textContent ?? '';
		expect(new Cite(bibtex).data[0]).toMatchObject({
			'citation-key': 'kpe_conditions_crps',
			title: 'Complex regional pain syndrome (CRPS)',
		});
		expect(readPage('/studies/').querySelector('a[href="/exports/library.ris"]')).not.toBeNull();
	});
});
