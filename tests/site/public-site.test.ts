/** What a crawler and a webmaster see in the default build: sitemap, canonical links, robots.txt, social card, footer. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, readPage } from '../support/dist.ts';
import { DIST } from '../support/paths.ts';
import { SITE } from '../../src/site/site.ts';

const pages = builtPages().filter((p) => p !== '/404');

describe('the public address', () => {
	it('the sitemap lists every page once, at the configured address', () => {
		const index = readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8');
		expect(index).toContain(`<loc>${SITE.url}sitemap-0.xml</loc>`);
		const locs = [
			...readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g),
		].map((m) => m[1]);
		expect(new Set(locs).size).toBe(locs.length);
		expect([...locs].sort()).toEqual(pages.map((p) => new URL(p.slice(1), SITE.url).href).sort());
	});

	it.each(pages)('%s has a canonical link to its own full address', (path) => {
		const canonical = readPage(path).querySelector('link[rel="canonical"]')?.getAttribute('href');
		expect(canonical).toBe(new URL(path.slice(1), SITE.url).href);
	});

	it('robots.txt allows crawling and names the sitemap', () => {
		const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
		expect(robots).toMatch(/^User-agent: \*\nAllow: \/\n/);
		expect(robots).toContain(`Sitemap: ${SITE.url}sitemap-index.xml`);
	});

	it('the large-image social card exists and is declared at its full address', () => {
		const head = readPage('/conditions/crps/');
		expect(head.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe(
			'summary_large_image',
		);
		const image = head.querySelector('meta[property="og:image"]')?.getAttribute('content');
		expect(image).toBe(`${SITE.url}social-card.png`);
		const png = readFileSync(join(DIST, 'social-card.png'));
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		// 1200 × 630, read from the IHDR chunk.
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
	});
});

describe('edit, report and licence', () => {
	// Pages written in content/ (studies, the changelog and the evidence map are generated).
	const sourceOf = (path: string) => {
		const slug = path === '/' ? 'index' : path.slice(1, -1);
		return [`content/${slug}.mdx`, `content/${slug}.md`, `content/${slug}/index.mdx`].find((f) =>
			existsSync(join(process.cwd(), f)),
		);
	};
	const contentPages = pages.filter((p) => sourceOf(p));

	it('covers every page written in content/', () => {
		expect(contentPages.length).toBeGreaterThan(20);
	});

	it.each(contentPages)('%s links to its own source file to edit it', (path) => {
		const root = readPage(path);
		const edit = root
			.querySelectorAll('a[href]')
			.map((a) => a.getAttribute('href')!)
			.find((href) => href.startsWith(`${SITE.repo}/edit/`));
		expect(edit).toBeDefined();
		const file = edit!.slice(`${SITE.repo}/edit/${SITE.branch}/`.length);
		expect(file).toMatch(/^content\/.+\.mdx?$/);
		expect(existsSync(join(process.cwd(), decodeURIComponent(file)))).toBe(true);
		expect(decodeURIComponent(file)).toBe(sourceOf(path));
	});

	it.each(pages)('%s has a prefilled report link naming the page, and the licences', (path) => {
		const root = readPage(path);
		const report = root.querySelector('a[data-kpe-report]')?.getAttribute('href');
		expect(report).toBeDefined();
		const url = new URL(report!);
		expect(`${url.origin}${url.pathname}`).toBe(`${SITE.repo}/issues/new`);
		expect(url.searchParams.get('body')).toContain(
			`Page: ${new URL(path.slice(1), SITE.url).href}`,
		);
		const footer = root.querySelector('.kpe-site-footer')?.textContent ?? '';
		expect(footer).toContain('CC BY 4.0');
		expect(footer).toContain('MIT');
		// Words stay apart where a link ends ("this page(opens" was printed on every page).
		expect(footer.replace(/\s+/g, ' ')).toContain('Report a problem with this page (opens');
		expect(root.querySelector(`.kpe-site-footer a[href="${SITE.repo}"]`)).not.toBeNull();
	});
});
