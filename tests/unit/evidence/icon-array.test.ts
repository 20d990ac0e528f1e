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

	const round = (n: number) => Math.round(n * 1000) / 1000;

	/**
	 * Path commands in one spelling: `a2.6 2.6 0 115.2 0 2.6 2.6 0 11-5.2 0z` (flags run into the next
	 * number, a repeated command without its letter) as `a2.6 2.6 0 1 1 5.2 0 a2.6 2.6 0 1 1 -5.2 0 z`.
	 */
	function canonical(draw: string): string {
		const out: string[] = [];
		let at = 0;
		let command = '';
		const skip = () => {
			while (/[\s,]/.test(draw[at] ?? '')) at++;
		};
		const number = () => {
			skip();
			const match = /^-?(\d+\.?\d*|\.\d+)/.exec(draw.slice(at))!;
			at += match[0].length;
			return String(Number(match[0]));
		};
		const flag = () => {
			skip();
			return draw[at++]!;
		};
		for (skip(); at < draw.length; skip()) {
			if (/[a-z]/i.test(draw[at]!)) command = draw[at++]!;
			const args =
				command === 'a'
					? [number(), number(), number(), flag(), flag(), number(), number()]
					: command === 'z'
						? []
						: command === 'v' || command === 'h'
							? [number()]
							: [number(), number()];
			out.push([command, ...args].join(' '));
		}
		return out.join(' ');
	}

	/**
	 * A path's subpaths, each with its absolute start (worked out from relative moves: after `z` the
	 * pen is back at the subpath's start) and the text that draws it from there.
	 */
	function subpathsOf(d: string): { x: number; y: number; move: string; draw: string }[] {
		let pen = [0, 0];
		return [...d.matchAll(/([Mm])(-?[\d.]+) ?(-?[\d.]+)([^Mm]*)/g)].map(([, m, x, y, draw]) => {
			pen = m === 'M' ? [Number(x), Number(y)] : [pen[0]! + Number(x), pen[1]! + Number(y)];
			return { x: round(pen[0]!), y: round(pen[1]!), move: `${m}${x} ${y}`, draw: draw! };
		});
	}

	/** What the engine drew before moves were relative and arcs compact: each icon's subpaths. */
	const person = (x: number, y: number) => [
		{ x: x + 4.4, y: y + 4, draw: 'a2.6 2.6 0 1 1 5.2 0a2.6 2.6 0 1 1-5.2 0z' },
		{ x: x + 2.5, y: y + 13, draw: 'v-3.2a4.5 4.5 0 0 1 9 0v3.2z' },
	];
	const ring = (x: number, y: number) => [
		{ x: x + 4, y: y + 7, draw: 'a3 3 0 1 1 6 0a3 3 0 1 1-6 0z' },
	];
	const drawn = (cells: number[], shape: typeof person) =>
		cells
			.flatMap((c) => shape((c % 10) * 14, Math.floor(c / 10) * 14))
			.map(({ x, y, draw }) => ({ x: round(x), y: round(y), draw: canonical(draw) }));

	it('draws 100 icons per arm, people with the outcome first and grouped, as a different shape', () => {
		const grids = html.querySelectorAll('svg.kpe-icon-grid');
		expect(grids).toHaveLength(2);
		grids.forEach((grid, i) => {
			const count = picture.arms[i]!.per100;
			const d = (className: string) => grid.querySelector(`path.${className}`)!.getAttribute('d')!;
			// Shape, not colour alone: people (a head and shoulders: two subpaths each) in one path,
			// rings (one subpath each) in another; each cell drawn once, in the same place as an
			// absolute drawing would put it.
			const cells = Array.from({ length: 100 }, (_, c) => c);
			const people = subpathsOf(d('kpe-icon-yes'));
			const rings = subpathsOf(d('kpe-icon-no'));
			const at = ({ x, y, draw }: { x: number; y: number; draw: string }) => ({
				x,
				y,
				draw: canonical(draw),
			});
			expect(people.map(at)).toEqual(drawn(cells.slice(0, count), person));
			expect(rings.map(at)).toEqual(drawn(cells.slice(count), ring));
			// Moves after the first are relative, so icons repeat as the same text (what lets gzip
			// shrink a grid): the first icon, then one text per subpath in a row and one at a row's
			// start; and no float noise such as 15.899999.
			for (const [subpaths, perIcon] of [
				[people, 2],
				[rings, 1],
			] as const) {
				const texts = new Set(subpaths.slice(perIcon).map((p) => p.move + p.draw));
				expect(texts.size).toBeLessThanOrEqual(perIcon + 1);
				for (const p of subpaths) expect(p.move).toMatch(/^[Mm]-?\d+(\.\d)? -?\d+(\.\d)?$/);
			}
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
