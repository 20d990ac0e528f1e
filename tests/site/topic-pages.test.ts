import { describe, expect, it } from 'vitest';
import { claimUnits, readLayers, proseBlocks } from '../support/layers.ts';
import { readPage, visibleText } from '../support/dist.ts';
import { readability } from '../support/readability.ts';
import { slugsOf } from '../support/review-pages.ts';

const TOPIC_PAGES = slugsOf('topic');

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
