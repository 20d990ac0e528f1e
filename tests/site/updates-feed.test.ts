/** The changelog, the RSS feed and each page's update history all show the same `updates` entries. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { builtPages, readPage, visibleText } from '../support/dist.ts';
import { DIST, ROOT } from '../support/paths.ts';
import { SITE } from '../../src/site/site.ts';
import { parse as parseYaml } from 'yaml';
import { existsSync, readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { watchUpdates } from '../../src/watch/currency.ts';
import type { RunRecord } from '../../src/watch/schema.ts';

/** The watch's committed run records (none until its first real run). */
function watchRuns(): RunRecord[] {
	const dir = join(ROOT, 'references/watch/runs');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((n) => n.endsWith('.json'))
		.sort()
		.map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as RunRecord);
}

/** Every `updates` entry written in content/, read straight from the frontmatter. */
function writtenUpdates(): { file: string; date: string; summary: string }[] {
	const out: { file: string; date: string; summary: string }[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (/\.mdx?$/.test(entry.name)) {
				const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'))?.[1] ?? '';
				const data = parseYaml(front) as { updates?: { date: string | Date; summary: string }[] };
				for (const u of data.updates ?? [])
					out.push({
						file: path,
						date: u.date instanceof Date ? u.date.toISOString().slice(0, 10) : String(u.date),
						summary: u.summary,
					});
				// Each literature-watch run that changed the page adds one more (src/watch/currency.ts).
				const page = relative(join(ROOT, 'content'), path).replace(/\.mdx?$/, '');
				for (const u of watchUpdates(page, watchRuns()))
					out.push({ file: path, date: u.date.toISOString().slice(0, 10), summary: u.summary });
			}
		}
	};
	walk(join(ROOT, 'content'));
	return out;
}

describe('RSS feed', () => {
	const xml = readFileSync(join(DIST, 'rss.xml'), 'utf8');
	const feed = new XMLParser({ ignoreAttributes: false }).parse(xml);
	const items = [feed.rss?.channel?.item ?? []].flat();

	it('is well-formed RSS 2.0 with a title, link and description', () => {
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(feed.rss['@_version']).toBe('2.0');
		expect(feed.rss.channel.link).toBe(SITE.url);
		expect(feed.rss.channel.title).toBeTruthy();
		expect(feed.rss.channel.description).toBeTruthy();
	});

	it('has one item per update written in the pages, newest first, each with a unique guid', () => {
		const written = writtenUpdates();
		expect(written.length).toBeGreaterThan(0);
		expect(items).toHaveLength(written.length);
		expect(items.map((i: { description: string }) => i.description).sort()).toEqual(
			written.map((u) => u.summary).sort(),
		);
		const dates = items.map((i: { pubDate: string }) => Date.parse(i.pubDate));
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		const guids = items.map((i: { guid: { '#text': string } }) => i.guid['#text']);
		expect(new Set(guids).size).toBe(guids.length);
	});

	it('links each item to its entry in the page’s own update history', () => {
		for (const item of items as { link: string }[]) {
			const url = new URL(item.link);
			expect(url.href.startsWith(SITE.url)).toBe(true);
			const page = readPage(url.pathname);
			expect(
				page.querySelector(`.kpe-update-history li[id="${url.hash.slice(1)}"]`),
			).not.toBeNull();
		}
	});

	it('is announced in every page head', () => {
		const link = readPage('/').querySelector('link[rel="alternate"][type="application/rss+xml"]');
		expect(link?.getAttribute('href')).toBe(`${SITE.url}rss.xml`);
	});
});

describe('changelog', () => {
	it('lists every update once, linking to its page', () => {
		const page = readPage('/changelog/');
		const entries = page.querySelectorAll('.kpe-changelog li');
		expect(entries).toHaveLength(writtenUpdates().length);
		for (const li of entries) expect(li.querySelector('time[datetime]')).not.toBeNull();
	});
});

describe('update history on pages', () => {
	const conditionPages = builtPages().filter((p) => /^\/conditions\/[^/]+\/$/.test(p));
	it.each(conditionPages)('%s shows its update history', (path) => {
		const section = readPage(path).querySelector('.kpe-update-history');
		expect(section).not.toBeNull();
		expect(visibleText(section)).toMatch(/Update history/);
	});
});
