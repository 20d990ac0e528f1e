import { describe, expect, it } from 'vitest';
import { builtPages, readPage } from '../support/dist.ts';

// Internal links are checked on the built HTML rather than with starlight-links-validator: that
// plugin (0.26) resolves pages under `<srcDir>/content/docs/` (libs/markdown.ts `normalizeId`), and our
// pages live in the top-level `content/`, so it flags every link. Checking the built site also
// covers the links our citation and table HTML adds, which a Markdown-level check cannot see.
describe('internal links', () => {
	const pages = builtPages();
	const ids = new Map(
		pages.map((path) => [
			path,
			new Set(
				readPage(path)
					.querySelectorAll('[id]')
					.map((el) => el.id),
			),
		]),
	);

	it.each(pages)('every link on %s points to a page and anchor that exist', (path) => {
		const broken: string[] = [];
		for (const a of readPage(path).querySelectorAll('a[href]')) {
			const href = a.getAttribute('href')!;
			if (/^(https?:|mailto:)/.test(href)) continue;
			const url = new URL(href, `http://site${path}`);
			const target = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
			const anchors = ids.get(url.pathname) ?? ids.get(target);
			if (!anchors) {
				if (!/\.(svg|png|xml|txt|bib|ris)$/.test(url.pathname))
					broken.push(`${href} (no such page)`);
				continue;
			}
			const hash = decodeURIComponent(url.hash.slice(1));
			if (hash && hash !== '_top' && !anchors.has(hash)) broken.push(`${href} (no such anchor)`);
		}
		expect(broken).toEqual([]);
	});
});
