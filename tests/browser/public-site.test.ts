/** Edit and report links as a reader finds them in Chromium, and axe on the generated views. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { useBrowser } from '../support/browser.ts';
import { SITE } from '../../src/lib/site.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

const PAGES: [path: string, file: string][] = [
	['/', 'content/index.mdx'],
	['/conditions/crps/', 'content/conditions/crps.mdx'],
	['/topics/', 'content/topics/index.mdx'],
	['/about/privacy/', 'content/about/privacy.mdx'],
];

describe('in Chromium', () => {
	it.each(PAGES)(
		'%s: "Edit page" opens %s and "Report a problem" names the page',
		async (path, file) => {
			const page = await browser().context.newPage();
			await page.goto(`${baseURL}${path}`);
			const edit = page.getByRole('link', { name: /edit page/i });
			await expect(edit.count()).resolves.toBe(1);
			expect(await edit.getAttribute('href')).toBe(`${SITE.repo}/edit/${SITE.branch}/${file}`);
			expect(existsSync(join(process.cwd(), file))).toBe(true);

			const report = page.getByRole('link', { name: 'Report a problem with this page' });
			await expect(report.isVisible()).resolves.toBe(true);
			const url = new URL((await report.getAttribute('href'))!);
			expect(`${url.origin}${url.pathname}`).toBe(`${SITE.repo}/issues/new`);
			const title = await page.locator('h1').first().textContent();
			expect(url.searchParams.get('title')).toBe(`Problem on "${title?.trim()}"`);
			expect(url.searchParams.get('body')).toContain(
				`Page: ${new URL(path.slice(1), SITE.url).href}`,
			);
			expect(url.searchParams.get('body')).toContain(`Source: ${file}`);
			await page.close();
		},
	);

	it('a study page reports itself without a source file', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}/studies/noppers2011absence/`);
		await expect(page.getByRole('link', { name: /edit page/i }).count()).resolves.toBe(0);
		const href = await page
			.getByRole('link', { name: 'Report a problem with this page' })
			.getAttribute('href');
		const body = new URL(href!).searchParams.get('body')!;
		expect(body).toContain('/studies/noppers2011absence/');
		expect(body).not.toContain('Source:');
		await page.close();
	});

	// The site-wide axe test samples /studies/; these views are new and built from one template.
	// Concurrent (maxConcurrency in vitest.config.ts), with the sweep's limit: axe takes tens of
	// seconds on the longest views of a loaded machine.
	it.concurrent.for([
		'/studies/by-year/',
		'/studies/condition/crps/',
		'/studies/design/rct/',
		'/evidence-map/',
		'/changelog/',
	])('%s has no axe violations', { timeout: 180_000 }, async (path, { expect }) => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}${path}`);
		const results = await new AxeBuilder({ page }).exclude('button[data-open-modal]').analyze();
		expect(
			results.violations.map(
				(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
			),
		).toEqual([]);
		await page.close();
	});
});
