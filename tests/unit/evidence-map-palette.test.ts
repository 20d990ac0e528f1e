/**
 * The evidence map's certainty shades: not read as danger (no red or orange), still in order and
 * apart for readers with colour blindness (simulated protanopia, deuteranopia and tritanopia, with
 * culori's Machado et al. 2009 filters), and with readable text on every fill.
 */
import { describe, expect, it } from 'vitest';
import {
	differenceCiede2000,
	filterDeficiencyDeuter,
	filterDeficiencyProt,
	filterDeficiencyTrit,
	oklch,
	parse,
	wcagContrast,
	type Color,
} from 'culori';
import { CERTAINTY_FILL, CERTAINTY_TEXT } from '../../src/engine/render/evidence-map.ts';

const GRADED = ['high', 'moderate', 'low', 'very-low'] as const;
const vision: [string, (c: Color) => Color][] = [
	['typical vision', (c) => c],
	['protanopia', filterDeficiencyProt(1)],
	['deuteranopia', filterDeficiencyDeuter(1)],
	['tritanopia', filterDeficiencyTrit(1)],
];
const difference = differenceCiede2000();

describe('evidence map certainty shades', () => {
	it('paint no level red or orange', () => {
		for (const [level, hex] of Object.entries(CERTAINTY_FILL)) {
			const { c = 0, h = 0 } = oklch(parse(hex)!)!;
			// A shade with colour (chroma above 0.04) must not sit in the red-to-orange hues.
			const warm = c > 0.04 && (h < 80 || h > 340);
			expect(warm, `${level} ${hex}: hue ${h.toFixed(0)}, chroma ${c.toFixed(2)}`).toBe(false);
		}
	});

	it.each(vision)('keep neighbouring levels apart and in order of lightness with %s', (_, see) => {
		const lightness = GRADED.map((level) => oklch(see(parse(CERTAINTY_FILL[level])!))!.l);
		for (let i = 1; i < GRADED.length; i++) {
			expect(lightness[i]!, `${GRADED[i]} lighter than ${GRADED[i - 1]}`).toBeGreaterThan(
				lightness[i - 1]!,
			);
			const delta = difference(
				see(parse(CERTAINTY_FILL[GRADED[i - 1]!])!),
				see(parse(CERTAINTY_FILL[GRADED[i]!])!),
			);
			expect(delta, `${GRADED[i - 1]} vs ${GRADED[i]}`).toBeGreaterThan(10);
		}
	});

	it("write each square's text at a contrast of 4.5:1 or more", () => {
		for (const level of Object.keys(CERTAINTY_FILL) as (keyof typeof CERTAINTY_FILL)[])
			expect(
				wcagContrast(CERTAINTY_FILL[level], CERTAINTY_TEXT[level]),
				level,
			).toBeGreaterThanOrEqual(4.5);
	});
});
