/**
 * axe-core in Chromium, loaded the cheap way: as an init script of a reused tab, so Chromium
 * compiles it with each page's own scripts instead of receiving its 550 KB source over the DevTools
 * protocol on every visit (twice per run through @axe-core/playwright, whose cross-frame merge also
 * opens a blank tab per run; the site has no frames). About 3× faster per page here, same rules.
 */
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.2 A and AA: axe's default run leaves out some of it (target-size is wcag22aa). */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Makes axe available on every page this tab opens from now on. */
export async function loadAxe(page: Page): Promise<void> {
	await page.addInitScript({ path: AXE_SOURCE });
}

/**
 * Runs axe on the page a tab shows (loaded with `loadAxe`). `resultTypes: ['violations']` keeps
 * every violating node but only one node per passing rule, so axe does not build selectors for the
 * whole page.
 */
export function runAxe(page: Page, options: RunOptions = {}): Promise<AxeResults> {
	return page.evaluate(
		(options) =>
			(
				window as unknown as { axe: { run(c: Document, o: RunOptions): Promise<AxeResults> } }
			).axe.run(document, options),
		{ resultTypes: ['violations'], ...options } satisfies RunOptions,
	);
}

/** One line per violation, naming its rule, impact and nodes; `keep` drops known upstream nodes. */
export function violations(
	results: AxeResults,
	keep: (rule: string, target: string) => boolean = () => true,
): string[] {
	return results.violations
		.map((v) => ({
			...v,
			nodes: v.nodes.filter((n) => keep(v.id, n.target.join(' '))),
		}))
		.filter((v) => v.nodes.length > 0)
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
