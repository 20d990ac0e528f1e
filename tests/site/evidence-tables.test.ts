/**
 * What a reader sees in the built evidence tables: strongest design first in every table, one label
 * per study (Mangnus 2021a/2021b), the 2025 Cochrane review where it bears, and the partly seen
 * phantom-limb trial flagged, with no identifier link anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DESIGNS } from '../../src/engine/read/facts-schema.ts';
import { builtPages, readPage, visibleText } from '../support/dist.ts';

/** How many `::evidence-table` directives the page's source holds (content/<path>.mdx or index.mdx). */
function tablesInSource(path: string): number {
	const base = `content${path.replace(/\/$/, '')}`;
	const file = [`${base}.mdx`, `${base}/index.mdx`].find((f) => existsSync(f));
	return file ? (readFileSync(file, 'utf8').match(/^::evidence-table\b/gm) ?? []).length : 0;
}

const designOf = (key: string) =>
	(parseYaml(readFileSync(`references/facts/${key}.yaml`, 'utf8')) as { design: string }).design;

describe('evidence tables on the built site', () => {
	// Every page whose source holds evidence tables, with how many: a page that lost its tables, or
	// a table that lost its rows, fails here instead of passing with nothing to compare.
	const pages = builtPages()
		.filter((p) => p.startsWith('/conditions/') || p.startsWith('/topics/'))
		.map((path) => [path, tablesInSource(path)] as const)
		.filter(([, count]) => count > 0);

	it('finds the evidence tables of the condition and topic pages', () => {
		expect(pages.length).toBeGreaterThanOrEqual(10);
	});

	it.each(pages)('%s lists each of its %i tables strongest design first', (path, count) => {
		const tables = readPage(path).querySelectorAll('.kpe-evidence table');
		expect(tables).toHaveLength(count);
		for (const table of tables) {
			expect(table.querySelectorAll('tbody tr').length, path).toBeGreaterThan(0);
			const ranks = table
				.querySelectorAll('tbody tr')
				.map((row) => DESIGNS.indexOf(designOf(row.getAttribute('data-key')!) as never));
			expect(ranks, `${path}: ${visibleText(table.querySelector('caption'))}`).toEqual(
				[...ranks].sort((a, b) => a - b),
			);
		}
	});

	it('labels the two Mangnus 2021 studies apart, the same way on every page', () => {
		const crps = readPage('/conditions/crps/');
		const label = (key: string) =>
			visibleText(crps.querySelector(`.kpe-evidence tr[data-key="${key}"] th a`));
		expect(label('mangnus2021effect')).toBe('Mangnus 2021a');
		expect(label('mangnus2021ketamine')).toBe('Mangnus 2021b');
		expect(visibleText(readPage('/studies/mangnus2021ketamine/').querySelector('main'))).toContain(
			'Mangnus 2021b',
		);
	});

	it('puts the 2025 Cochrane review first on the neuropathic, fibromyalgia and CRPS pages', () => {
		for (const slug of ['neuropathic-pain', 'fibromyalgia', 'crps']) {
			const page = readPage(`/conditions/${slug}/`);
			const first = page.querySelector('.kpe-evidence tbody tr');
			expect(first?.getAttribute('data-key'), slug).toBe('ferraro2025ketamine');
		}
	});

	it('flags the partly seen phantom-limb trial and links no identifier for it', () => {
		const page = readPage('/conditions/phantom-limb-pain/');
		const row = page.querySelector('.kpe-evidence tr[data-key="eichenberger2008chronic"]');
		expect(visibleText(row)).toContain('Details not verified');
		const reference = page.querySelector('li#ref-eichenberger2008chronic');
		expect(visibleText(reference)).toContain('Details not verified');
		expect(
			reference!.querySelectorAll('a[href^="https://doi.org"], a[href*="pubmed"]'),
		).toHaveLength(0);
	});
});
