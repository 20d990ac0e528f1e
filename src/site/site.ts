/**
 * Where the site is published and where its source lives: one setting each, read from the
 * environment when the build starts, so the same code deploys to any host and any base path.
 *
 * - `SITE_URL`: the public address of the home page, with its path when the site lives under one
 *   (a GitHub Pages project site: `https://owner.github.io/repo/`). Astro's `site` is its origin and
 *   Astro's `base` its path; the sitemap, canonical links, robots.txt, the feed and JSON-LD all
 *   derive from it.
 * - `REPO_URL`: the GitHub repository, for the edit and "report a problem" links and the footer.
 * - `REPO_BRANCH`: the branch the edit links open (default `main`).
 *
 * The defaults are placeholders that are valid URLs: override them when you deploy (README).
 * Pure TypeScript: imported by `astro.config.mjs`, the evidence engine and the tests alike.
 */

import { sitePath } from '../engine/render/urls.ts';

export const DEFAULT_SITE_URL = 'https://ketamine-pain-evidence.github.io/';
export const DEFAULT_REPO_URL = 'https://github.com/ketamine-pain-evidence/ketamine-pain-evidence';

export interface SiteAddress {
	/** `https://owner.github.io`: Astro's `site`. */
	origin: string;
	/** `/` or `/repo/`: Astro's `base`, always with a leading and trailing slash. */
	base: string;
	/** The home page's full address, ending in `/`. */
	url: string;
	/** The repository's web address, without a trailing slash. */
	repo: string;
	/** The branch edit links open. */
	branch: string;
}

/** Reads and checks the address settings; a bad value stops the build with the variable and the fix. */
export function siteAddress(env: Record<string, string | undefined> = process.env): SiteAddress {
	const siteUrl = httpUrl('SITE_URL', env.SITE_URL || DEFAULT_SITE_URL);
	const repoUrl = httpUrl('REPO_URL', env.REPO_URL || DEFAULT_REPO_URL);
	const base = siteUrl.pathname.endsWith('/') ? siteUrl.pathname : `${siteUrl.pathname}/`;
	return {
		origin: siteUrl.origin,
		base,
		url: `${siteUrl.origin}${base}`,
		repo: `${repoUrl.origin}${repoUrl.pathname.replace(/\/+$/, '')}`,
		branch: env.REPO_BRANCH || 'main',
	};
}

function httpUrl(name: string, value: string): URL {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error(
			`${name}="${value}" is not a URL. Fix: set ${name} to a full address such as ${name === 'SITE_URL' ? DEFAULT_SITE_URL : DEFAULT_REPO_URL}, or unset it to use that default.`,
		);
	}
	if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
		throw new Error(
			`${name}="${value}" must be a plain http(s) address without query, fragment or credentials. Fix: e.g. ${name}=${name === 'SITE_URL' ? 'https://owner.github.io/repo/' : DEFAULT_REPO_URL}.`,
		);
	}
	return url;
}

/** The address this build uses. */
export const SITE: SiteAddress = siteAddress();

/** The full public address of a root-relative path: for canonical links, the feed and JSON-LD. */
export function absoluteUrl(path: string, site: SiteAddress = SITE): string {
	return new URL(sitePath(path, site.base), site.origin).href;
}

/** A prefilled "new issue" address naming the page and, when known, its source file. */
export function reportProblemUrl(
	page: { title: string; path: string; file?: string },
	site: SiteAddress = SITE,
): string {
	const body = [
		`Page: ${absoluteUrl(page.path, site)}`,
		...(page.file ? [`Source: ${page.file}`] : []),
		'',
		'What is wrong (a wrong number, a missing or outdated study, a broken link, unclear wording):',
		'',
		'',
		'Where you read it (the sentence or table row):',
		'',
		'',
		'A source that shows the correct information, if you have one (DOI or link):',
		'',
	].join('\n');
	const params = new URLSearchParams({ title: `Problem on "${page.title}"`, body });
	return `${site.repo}/issues/new?${params}`;
}
