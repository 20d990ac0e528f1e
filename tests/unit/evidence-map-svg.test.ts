/**
 * The evidence map drawing is built as hast and serialised by hast-util-to-html: whatever a label or
 * link holds stays text or one attribute value, and both layouts draw every square with its link.
 */
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { evidenceMapSvg, type MapRow } from '../../src/engine/render/evidence-map.ts';

const rows: MapRow[] = [
	{
		condition: 'crps',
		label: 'A & <b>B</b>',
		path: '/conditions/x/',
		cells: [
			{
				outcome: 'Pain "now" <i>',
				studies: 2,
				people: 30,
				peopleUnknown: 0,
				certainty: 'low',
				href: '/conditions/x/#row-1',
			},
			{
				outcome: 'Harms',
				studies: 1,
				people: 0,
				peopleUnknown: 1,
				certainty: 'not-graded',
				href: '/conditions/x/#row-2',
			},
		],
	},
	{ condition: 'arthritis', label: 'Arthritis', path: '/conditions/a/', cells: [] },
];

function elements(nodes: readonly RootContent[], found: Element[] = []): Element[] {
	for (const node of nodes) {
		if (node.type !== 'element') continue;
		found.push(node);
		elements(node.children, found);
	}
	return found;
}

describe('evidenceMapSvg', () => {
	for (const layout of ['wide', 'compact'] as const) {
		it(`${layout}: labels and titles stay text, links stay attributes`, () => {
			const svg = evidenceMapSvg(rows, (p) => `/base"${p}`, layout);
			const tree: Root = fromHtml(svg, { fragment: true });
			const all = elements(tree.children);
			expect(all[0]!.tagName).toBe('svg');
			expect(all.filter((e) => e.tagName === 'b' || e.tagName === 'i')).toEqual([]);
			const links = all.filter((e) => e.tagName === 'a').map((e) => e.properties.href);
			expect(links).toEqual([
				'/base"/conditions/x/',
				'/base"/conditions/x/#row-1',
				'/base"/conditions/x/#row-2',
				'/base"/conditions/a/',
			]);
			expect(toString(all.find((e) => e.tagName === 'a')!)).toBe('A & <b>B</b>');
			const titles = all.filter((e) => e.tagName === 'title').map((e) => toString(e));
			expect(titles).toContain('A & <b>B</b>: Pain "now" <i>. 2 studies, low certainty');
			expect(titles).toContain('A & <b>B</b>: Harms. 1 study, not graded certainty');
			// Not graded has a dashed edge; the legend names every level.
			expect(all.filter((e) => String(e.properties.strokeDashArray) === '4,3')).toHaveLength(2);
			expect(svg).toContain('No outcome graded');
			expect(svg).toContain(`data-layout="${layout}"`);
		});
	}
});
