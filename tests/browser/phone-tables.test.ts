import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { builtPages, readPage } from '../support/dist.ts';
import { phone, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** Pages with a summary-of-findings, evidence or claims table. */
const pages = builtPages().filter(
	(path) =>
		!path.startsWith('/studies/') &&
		readPage(path).querySelector('.kpe-sof-table, .kpe-evidence, .kpe-claims-table') !== null,
);

describe('tables on a 390 px phone', () => {
	it('include the condition pages and the claims page', () => {
		expect(pages).toEqual(expect.arrayContaining(['/claims/', '/conditions/crps/']));
	});

	// One phone context for all pages, a few pages at a time (maxConcurrency, vitest.config.ts).
	let phoneContext: Promise<BrowserContext> | undefined;
	afterAll(async () => (await phoneContext)?.close());

	it.concurrent.for(pages)(
		'%s: every row shows its certainty, effect, result or verdict without sideways scrolling',
		async (path, { expect }) => {
			phoneContext ??= browser().newContext(phone(390));
			const page = await (await phoneContext).newPage();
			await page.goto(`${baseURL}${path}`);
			const outside = await page.evaluate(() => {
				const width = document.documentElement.clientWidth;
				const problems: string[] = [];
				const tables = document.querySelectorAll(
					'.kpe-sof-table table, .kpe-evidence table, .kpe-claims-table table',
				);
				for (const table of tables) {
					table.querySelectorAll('tbody tr').forEach((row, i) => {
						// Every cell (certainty badge, effect, result, verdict) and every badge in it.
						for (const el of row.querySelectorAll('th, td, .kpe-certainty')) {
							const r = el.getBoundingClientRect();
							if (r.left < 0 || r.right > width + 0.5)
								problems.push(
									`${table.id} row ${i + 1} ${el.getAttribute('data-label') ?? el.className}: ${Math.round(r.left)}–${Math.round(r.right)} px`,
								);
						}
					});
				}
				return { problems, tables: tables.length };
			});
			await page.close();
			expect(outside.tables).toBeGreaterThan(0);
			expect(outside.problems).toEqual([]);
		},
	);
});
