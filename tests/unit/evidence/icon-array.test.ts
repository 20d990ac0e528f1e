/** "Out of 100 people" pictures: what the engine draws from a study's counts. */
import { toHtml } from 'hast-util-to-html';
import { parse } from 'node-html-parser';
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

	it('draws 100 icons per arm, people with the outcome first and grouped, as a different shape', () => {
		const grids = html.querySelectorAll('svg.kpe-icon-grid');
		expect(grids).toHaveLength(2);
		grids.forEach((grid, i) => {
			const icons = grid.childNodes.filter((n) => 'tagName' in n) as unknown as HTMLElement[];
			expect(icons).toHaveLength(100);
			const yes = icons.map((el) => el.getAttribute('class') === 'kpe-icon-yes');
			const count = picture.arms[i]!.per100;
			expect(yes.slice(0, count).every(Boolean)).toBe(true);
			expect(yes.slice(count).some(Boolean)).toBe(false);
			// Shape, not colour alone: a person (group of head and body) against a ring (circle).
			expect(icons[0]!.tagName.toLowerCase()).toBe(count ? 'g' : 'circle');
			expect(icons[99]!.tagName.toLowerCase()).toBe('circle');
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
			'ketamine587 of 12',
			'placebo172 of 12',
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
