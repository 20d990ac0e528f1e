/** Edit and report links as a reader finds them in Chromium. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { SITE } from '../../src/site/site.ts';

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
	// axe on the generated views (studies by year, condition and design, the evidence map, the
	// changelog): the sweep in site.test.ts audits every one of them with all of axe's default rules.
});
