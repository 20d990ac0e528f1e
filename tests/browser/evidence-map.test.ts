/**
 * The evidence map drawing on a 360 px phone: whole (nothing clipped or to scroll sideways) and its
 * text at 12 px or more. It was a 480 px drawing in a 358 px box, with 9 px letters.
 */
import { describe, expect, inject, it } from 'vitest';
import { phone, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

describe('evidence map on a 360 px phone', () => {
	it('shows the whole drawing with text of 12 px or more', async () => {
		const context = await browser().newContext(phone(360, 780));
		const page = await context.newPage();
		await page.goto(`${baseURL}/evidence-map/`);
		const result = await page.evaluate(() => {
			const svg = [...document.querySelectorAll<SVGSVGElement>('.kpe-evidence-map-svg svg')].find(
				(s) => s.getBoundingClientRect().width > 0,
			);
			if (!svg) return { problems: ['no drawing shown'] };
			const box = svg.parentElement!.getBoundingClientRect();
			const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
			const problems: string[] = [];
			for (const text of svg.querySelectorAll('text')) {
				const size = Number(text.getAttribute('font-size')) * scale;
				const r = text.getBoundingClientRect();
				if (size < 12) problems.push(`"${text.textContent}" at ${size.toFixed(1)} px`);
				if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
					problems.push(`"${text.textContent}" outside the drawing's box`);
			}
			if (svg.getBoundingClientRect().right > document.documentElement.clientWidth)
				problems.push('drawing wider than the screen');
			return { problems };
		});
		await context.close();
		expect(result.problems).toEqual([]);
	});
});
