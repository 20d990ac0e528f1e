/**
 * Before the watch's first real run (the project as committed): every condition and topic page says
 * when the editors searched and that the watch has not run, every condition page says the registry
 * has not been searched, and the methods page shows each page's protocol, rendered from the data.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readPage, visibleText } from '../support/dist.ts';

const protocols = readdirSync('references/watch/protocol').map(
	(name) =>
		parse(readFileSync(`references/watch/protocol/${name}`, 'utf8')) as {
			page: string;
			pubmed: { concept: string };
		},
);

describe('every condition and topic page', () => {
	it.each(protocols.map((p) => p.page))('%s says how current it is, without numbers', (page) => {
		const html = readPage(`/${page}/`);
		const text = visibleText(html.querySelector('.kpe-page-currency'));
		expect(text).toMatch(
			/^How current is this page ?The editors last searched the literature for this page on \d+ \w+ 2026\./,
		);
		expect(text).toContain('The automatic literature watch has not run for this page yet');
		expect(html.querySelector('.kpe-page-currency svg')).toBeNull();
		const trials = html.querySelector('.kpe-trials');
		if (page.startsWith('conditions/'))
			expect(visibleText(trials)).toContain(
				'The trial registry (ClinicalTrials.gov) has not been searched for this page yet.',
			);
		else expect(trials).toBeNull();
	});
});

describe('the methods page', () => {
	const main = readPage('/about/literature-watch/').querySelector('main')!;

	it("shows each page's query as the watch runs it", () => {
		const text = visibleText(main);
		for (const p of protocols) expect(text).toContain(p.pubmed.concept);
		expect(text).toContain('systematic[sb]');
		expect(text).toContain('Cochrane Highly Sensitive Search Strategy');
		expect(text).toContain('The automatic watch has not run yet.');
	});
});
