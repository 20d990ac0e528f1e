import { mdxToJs, markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { satteriBaseLinks } from '../../src/markdown/satteri-base-links.ts';
import { absoluteUrl, reportProblemUrl, siteAddress } from '../../src/site/site.ts';
import { pageUrl, sitePath, studyUrl } from '../../src/engine/render/urls.ts';
import { renderCertaintyBadge } from '../../src/engine/render/certainty-badge.ts';
import { claimLinks, claimRelated, claimVerdict } from '../../src/engine/render/claims-render.ts';
import { toHtml } from 'hast-util-to-html';

describe('site address', () => {
	it('derives origin and base path from one SITE_URL', () => {
		const site = siteAddress({ SITE_URL: 'https://owner.github.io/kpe' });
		expect(site).toMatchObject({
			origin: 'https://owner.github.io',
			base: '/kpe/',
			url: 'https://owner.github.io/kpe/',
		});
		expect(absoluteUrl('/studies/x/', site)).toBe('https://owner.github.io/kpe/studies/x/');
	});
	it('uses documented placeholder defaults', () => {
		const site = siteAddress({});
		expect(site.url).toBe('https://ketamine-pain-evidence.github.io/');
		expect(site.repo).toBe('https://github.com/ketamine-pain-evidence/ketamine-pain-evidence');
	});
	it('stops with the variable name and the fix on a bad value', () => {
		expect(() => siteAddress({ SITE_URL: 'example.org' })).toThrow(
			/SITE_URL="example.org" is not a URL\. Fix:/,
		);
		expect(() => siteAddress({ REPO_URL: 'javascript:alert(1)' })).toThrow(/REPO_URL=.*http\(s\)/);
	});
	it('puts root-relative paths under the base, once, and leaves the rest alone', () => {
		expect(sitePath('/claims/', '/kpe/')).toBe('/kpe/claims/');
		expect(sitePath('/kpe/claims/', '/kpe/')).toBe('/kpe/claims/');
		expect(sitePath('#ref-1', '/kpe/')).toBe('#ref-1');
		expect(sitePath('//evil.example/', '/kpe/')).toBe('//evil.example/');
		expect(sitePath('/claims/', '/')).toBe('/claims/');
	});
	it('accepts the base with or without its closing slash', () => {
		expect(sitePath('/claims/', '/kpe')).toBe('/kpe/claims/');
		expect(sitePath('/', '/kpe/')).toBe('/kpe/');
	});
	it('makes a page address from its content id or file, and a study address from its key', () => {
		for (const base of ['/', '/kpe/']) {
			const at = (path: string) => (base === '/' ? path : `/kpe${path}`);
			expect(pageUrl('conditions/crps', base)).toBe(at('/conditions/crps/'));
			expect(pageUrl('conditions/crps.mdx', base)).toBe(at('/conditions/crps/'));
			expect(pageUrl('about/index.md', base)).toBe(at('/about/'));
			expect(pageUrl('index', base)).toBe(at('/'));
			expect(studyUrl('smith2020exercise', base)).toBe(at('/studies/smith2020exercise/'));
		}
	});
	it('renders a certainty badge linking under the base, not rebased afterwards', () => {
		expect(renderCertaintyBadge('low')).toContain('href="/about/how-we-grade/#low"');
		expect(renderCertaintyBadge('low', '/kpe/')).toContain('href="/kpe/about/how-we-grade/#low"');
	});
	it('renders the claims links and badges under the base', () => {
		const claim = {
			id: 'cure',
			order: 1,
			claim: 'Ketamine cures CRPS',
			verdict: 'not-supported',
			certainty: 'low',
			conditions: ['crps'],
			topics: ['safety'],
		} as never;
		const html = toHtml([
			claimRelated(claim, '/kpe/')!,
			claimVerdict(claim, '/kpe/'),
			claimLinks([{ claim } as never], '/kpe/')!,
		]);
		const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
		expect(hrefs).toEqual([
			'/kpe/conditions/crps/',
			'/kpe/topics/safety/',
			'/kpe/about/how-we-grade/#low',
			'/kpe/claims/#claim-cure',
		]);
	});
	it('prefills a new issue naming the page and its source file', () => {
		const url = new URL(
			reportProblemUrl(
				{ title: 'CRPS', path: '/conditions/crps/', file: 'content/conditions/crps.mdx' },
				siteAddress({ SITE_URL: 'https://example.org/kpe/', REPO_URL: 'https://github.com/o/r' }),
			),
		);
		expect(url.origin + url.pathname).toBe('https://github.com/o/r/issues/new');
		expect(url.searchParams.get('title')).toBe('Problem on "CRPS"');
		expect(url.searchParams.get('body')).toContain(
			'Page: https://example.org/kpe/conditions/crps/',
		);
		expect(url.searchParams.get('body')).toContain('Source: content/conditions/crps.mdx');
	});
});

describe('base-path links in page text', () => {
	it('rewrites Markdown links and JSX href attributes, not anchors or external links', async () => {
		const source = [
			'import { LinkCard } from "@astrojs/starlight/components";',
			'',
			'See [safety](/topics/safety/), [a note](#note) and [NICE](https://www.nice.org.uk/).',
			'',
			'<LinkCard title="Claims" href="/claims/" />',
			'',
		].join('\n');
		const { code } = await mdxToJs(source, { mdastPlugins: [satteriBaseLinks('/kpe/')] });
		expect(code).toContain('"/kpe/topics/safety/"');
		expect(code).toContain('"/kpe/claims/"');
		expect(code).toContain('"#note"');
		expect(code).toContain('"https://www.nice.org.uk/"');
		expect(code).not.toMatch(/"\/topics\/safety\/"/);
	});
	it('rewrites links in plain Markdown', async () => {
		const result = await markdownToHtml('[x](/a/) [y][ref]\n\n[ref]: /b/\n', {
			mdastPlugins: [satteriBaseLinks('/kpe/')],
		});
		expect(result.html ?? result).toContain('href="/kpe/a/"');
		expect(String(result.html ?? result)).toContain('href="/kpe/b/"');
	});
});
