/** "Out of 100 people" pictures: what the engine draws from a study's counts. */
import { toHtml } from 'hast-util-to-html';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { iconArray, keyPictureOf, pictureOf } from '../../../src/engine/render/icon-array.ts';
import type { StudyFacts } from '../../../src/engine/read/facts-schema.ts';
import { outcomeSchema } from '../../../src/engine/read/page-frontmatter.ts';

const facts = {
	key: 'kvarnstrom2003effectiveness',
	design: 'rct',
	n: 12,
	counts: [
		{
			id: 'responders',
			outcome: 'Pain relief counted as a response',
			from: 'result',
			paired: true,
			ketamine: { events: 7, total: 12 },
			control: { events: 2, total: 12, label: 'placebo' },
		},
	],
} as unknown as StudyFacts;

describe('icon arrays', () => {
	const picture = pictureOf(facts.counts[0]!, facts)!;
	const html = parse(toHtml(iconArray(picture, 'pic')));

	it('gives each arm out of the same 100, with the sentence and the source numbers', () => {
		expect(picture.arms.map((a) => [a.label, a.per100, a.reported])).toEqual([
			['ketamine', 58, '7 of 12'],
			['placebo', 17, '2 of 12'],
		]);
		expect(picture.caption).toBe(
			'In the trial, about 58 of 100 people with ketamine and 17 of 100 with placebo: pain relief counted as a response.',
		);
		expect(picture.from).toEqual({
			study: 'kvarnstrom2003effectiveness',
			count: 'responders',
			field: 'result',
		});
	});

	/** The grid cells (0–99, row by row) a path draws a shape in: one per subpath that starts a shape. */
	function cellsOf(path: HTMLElement | null, perShape: number): number[] {
		if (!path) return [];
		const starts = [...path.getAttribute('d')!.matchAll(/M([\d.]+) ([\d.]+)/g)].map(
			([, x, y]) => Math.floor(Number(y) / 14) * 10 + Math.floor(Number(x) / 14),
		);
		return starts.filter((_, i) => i % perShape === 0);
	}

	it('draws 100 icons per arm, people with the outcome first and grouped, as a different shape', () => {
		const grids = html.querySelectorAll('svg.kpe-icon-grid');
		expect(grids).toHaveLength(2);
		grids.forEach((grid, i) => {
			const count = picture.arms[i]!.per100;
			// Shape, not colour alone: people (a head and shoulders: two subpaths each) in one path,
			// rings (one subpath each) in another; each cell drawn once.
			const people = cellsOf(grid.querySelector('path.kpe-icon-yes'), 2);
			const rings = cellsOf(grid.querySelector('path.kpe-icon-no'), 1);
			expect(people).toEqual(Array.from({ length: count }, (_, c) => c));
			expect(rings).toEqual(Array.from({ length: 100 - count }, (_, c) => count + c));
			expect(grid.querySelector('path.kpe-icon-yes')?.getAttribute('d')).toContain('a2.6 2.6');
			expect(grid.querySelector('path.kpe-icon-no')?.getAttribute('d')).toMatch(/^M[^a]*a3 3/);
		});
	});

	it('labels each grid by visible text, captions the figure and gives the numbers in a table, with no script', () => {
		for (const grid of html.querySelectorAll('svg.kpe-icon-grid')) {
			expect(grid.getAttribute('role')).toBe('img');
			const label = html.querySelector(`#${grid.getAttribute('aria-labelledby')}`);
			expect(label?.textContent).toMatch(/^\d+ of 100 with /);
		}
		expect(html.querySelector('figcaption')?.textContent).toContain('about 58 of 100');
		expect(html.querySelectorAll('table tbody tr').map((r) => r.textContent)).toEqual([
			'ketamine7 of 12',
			'placebo2 of 12',
		]);
		expect(html.querySelector('script')).toBeNull();
	});

	it('finds the key picture of a page', () => {
		const outcomes = [
			outcomeSchema.parse({
				outcome: 'Pain',
				studies: ['x'],
				effect: 'It may help.',
				certainty: 'not-graded',
			}),
			outcomeSchema.parse({
				outcome: 'Response',
				studies: ['kvarnstrom2003effectiveness'],
				effect: 'It may help.',
				certainty: 'low',
				counts: { study: 'kvarnstrom2003effectiveness', id: 'responders' },
				keyPicture: true,
			}),
		];
		expect(keyPictureOf(outcomes, () => facts)?.arms[0].per100).toBe(58);
		expect(keyPictureOf(outcomes.slice(0, 1), () => facts)).toBeNull();
	});
});
