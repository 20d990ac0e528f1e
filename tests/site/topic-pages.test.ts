import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import type { HTMLElement } from 'node-html-parser';
import { claimUnits, readLayers, proseBlocks } from '../support/layers.ts';
import { readPage, visibleText } from '../support/dist.ts';
import { readability } from '../support/readability.ts';

const TOPIC_PAGES = readdirSync('content/topics')
	.filter((f) => f.endsWith('.mdx') && f !== 'index.mdx')
	.map((f) => f.replace(/\.mdx$/, ''));

describe.each(TOPIC_PAGES)('topic page %s', (slug) => {
	const layers = readLayers(`/topics/${slug}/`);

	it('plain-language layer reads at grade 8 or lower on Flesch-Kincaid, SMOG and Coleman-Liau', () => {
		const r = readability(proseBlocks(layers.plain));
		const figures = `FK ${r.fleschKincaid.toFixed(1)}, SMOG ${r.smog.toFixed(1)}, CL ${r.colemanLiau.toFixed(1)} (${r.counts.word} words)`;
		console.log(`readability /topics/${slug}/: ${figures}`);
		expect(r.counts.word).toBeGreaterThan(250);
		expect(r.fleschKincaid, figures).toBeLessThanOrEqual(8);
		expect(r.smog, figures).toBeLessThanOrEqual(8);
		expect(r.colemanLiau, figures).toBeLessThanOrEqual(8);
	});

	it('every paragraph, list item and table row of the clinician layer cites the library', () => {
		const units = claimUnits(layers.clinician);
		const uncited = units
			.filter((el) => !el.querySelector('.kpe-cite'))
			.map((el) => visibleText(el).slice(0, 80));
		console.log(
			`citation coverage /topics/${slug}/: ${units.length - uncited.length}/${units.length} claims cited`,
		);
		expect(uncited).toEqual([]);
	});
});

describe('the mood page', () => {
	it('signposts crisis help on the page', () => {
		const text = visibleText(readPage('/topics/mood/').querySelector('main'));
		expect(text).toMatch(/988/);
		expect(text).toMatch(/emergency/i);
	});
});

describe('the clinic claims page', () => {
	// Read lazily: vitest collects a skipped block too, and the page may not exist yet.
	let page: HTMLElement;
	let sections: HTMLElement[];
	beforeAll(() => {
		page = readPage('/claims/');
		sections = page.querySelectorAll('section.kpe-claim');
	});

	it('weighs at least the 13 common claims, each with a verdict, a certainty and citations', () => {
		expect(sections.length).toBeGreaterThanOrEqual(13);
		for (const section of sections) {
			const verdict = visibleText(section.querySelector('.kpe-claim-verdict'));
			expect(verdict).toMatch(
				/^Verdict: (Supported|Partly supported|Not supported|Unknown) · Certainty: /,
			);
			const explanation = section.querySelectorAll('p').find((p) => p.querySelector('.kpe-cite'));
			expect(explanation, section.id).toBeDefined();
		}
	});

	it('has a verdict table linking to each claim', () => {
		const rows = page.querySelectorAll('.kpe-claims-table tbody tr');
		expect(rows.length).toBe(sections.length);
		for (const row of rows)
			expect(page.querySelector(row.querySelector('a')!.getAttribute('href')!)).not.toBeNull();
	});

	it('cross-links claims and condition pages both ways', () => {
		const conditionLinks = [
			...new Set(
				page
					.querySelectorAll('.kpe-claim-related a[href^="/conditions/"]')
					.map((a) => a.getAttribute('href')!),
			),
		];
		expect(conditionLinks.length).toBeGreaterThan(0);
		for (const href of conditionLinks) {
			const back = readPage(href).querySelectorAll('main a[href^="/claims/#claim-"]');
			expect(back.length, `${href} links back to its claims`).toBeGreaterThan(0);
		}
	});

	it('cites the library in every claim section', () => {
		const uncited = claimUnits(sections).filter((el) => !el.querySelector('.kpe-cite'));
		expect(uncited.map((el) => visibleText(el).slice(0, 80))).toEqual([]);
	});
});
