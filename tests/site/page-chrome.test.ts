/**
 * The parts of every page Starlight draws around the text, made leaner by the evidence plugin:
 * heading links (src/markdown/heading-links.ts) keep their address and accessible name in fewer
 * elements, and "On this page" (src/components/*TableOfContents*.astro) lists the same entries
 * with one element less each, and so does the sidebar (src/components/Sidebar*.astro). The browser tests (tests/browser/page-chrome.test.ts) check they still look and work the same.
 */
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { builtPages, readPage } from '../support/dist.ts';

describe('heading links on every built page', () => {
	const pages = builtPages().map((path) => [path, readPage(path)] as const);

	it('follow each heading of the text: one link to it, named after it, with nothing inside', () => {
		let headings = 0;
		for (const [path, page] of pages) {
			for (const wrapper of page.querySelectorAll('.sl-markdown-content .sl-heading-wrapper')) {
				const [heading, link, ...rest] = wrapper.children;
				expect(rest, path).toEqual([]);
				expect(wrapper.classList.contains(`level-${heading!.tagName.toLowerCase()}`), path).toBe(
					true,
				);
				const id = heading!.getAttribute('id');
				expect(id, `${path}: a heading without an id`).toBeTruthy();
				expect(link!.tagName, path).toBe('A');
				expect(link!.getAttribute('class'), path).toBe('sl-anchor-link');
				expect(link!.getAttribute('href'), path).toBe(`#${id}`);
				expect(link!.getAttribute('aria-label'), path).toBe(
					`Section titled “${heading!.textContent}”`,
				);
				expect(link!.childNodes, `${path}: ${link!.toString()}`).toHaveLength(0);
				headings++;
			}
		}
		// The condition and topic pages alone have more than a hundred.
		expect(headings).toBeGreaterThan(100);
	});

	it('are there for every heading “On this page” lists on condition and topic pages', () => {
		let listed = 0;
		for (const [path, page] of pages) {
			// Pages written in Markdown (study pages, the changelog and the like are made by routes).
			if (!/^\/(conditions|topics)\//.test(path)) continue;
			const targets = page
				.querySelectorAll('starlight-toc a')
				.map((a) => a.getAttribute('href')!)
				.filter((href) => href !== '#_top');
			for (const href of targets) {
				const link = page.querySelector(`.sl-markdown-content a.sl-anchor-link[href="${href}"]`);
				expect(link, `${path}: no link to ${href}`).not.toBeNull();
				listed++;
			}
		}
		expect(listed).toBeGreaterThan(100);
	});
});

describe('“On this page” on every built page', () => {
	const pages = builtPages()
		.map((path) => [path, readPage(path)] as const)
		.filter(([, page]) => page.querySelector('starlight-toc'));

	/** Each entry as `depth text → href`, in order. */
	const entries = (list: HTMLElement | null, depth = 0): string[] =>
		(list?.children ?? []).flatMap((li) => {
			const [link, sublist, ...rest] = li.children;
			expect(li.tagName).toBe('LI');
			expect(rest).toEqual([]);
			expect(link!.tagName).toBe('A');
			// The text straight in the link: no wrapper inside it.
			expect(link!.children, link!.toString()).toEqual([]);
			return [
				`${depth} ${link!.textContent} → ${link!.getAttribute('href')}`,
				...(sublist ? entries(sublist, depth + 1) : []),
			];
		});

	it('lists the page’s sections, indented by depth, as `li > a` on desktop and phone alike', () => {
		expect(pages.length).toBeGreaterThan(20);
		for (const [path, page] of pages) {
			const desktop = entries(page.querySelector('starlight-toc nav > ul'));
			const phone = entries(
				page.querySelector('mobile-starlight-toc details .dropdown > ul.isMobile'),
			);
			expect(desktop[0], path).toBe('0 Overview → #_top');
			expect(phone, path).toEqual(desktop);
		}
		const crps = entries(
			pages
				.find(([path]) => path === '/conditions/crps/')![1]
				.querySelector('starlight-toc nav > ul'),
		);
		expect(crps).toContain('0 In plain words → #in-plain-words');
		expect(crps).toContain('1 Key messages → #key-messages');
	});

	it('keeps what Starlight’s script and styles need: the headings range, the labelled nav, the phone summary', () => {
		for (const [path, page] of pages) {
			for (const toc of page.querySelectorAll('starlight-toc, mobile-starlight-toc')) {
				expect(toc.getAttribute('data-min-h'), path).toMatch(/^[1-6]$/);
				expect(toc.getAttribute('data-max-h'), path).toMatch(/^[1-6]$/);
			}
			expect(page.querySelector('#starlight__on-this-page')?.textContent, path).toBe(
				'On this page',
			);
			const summary = page.querySelector(
				'mobile-starlight-toc summary#starlight__on-this-page--mobile',
			);
			expect(summary?.querySelector('.display-current'), path).not.toBeNull();
			expect(summary?.querySelector('.toggle'), path).not.toBeNull();
			// The caret is drawn by CSS, as the sidebar's arrows are: no icon element.
			expect(summary?.querySelector('svg'), path).toBeNull();
		}
	});
});

describe('the sidebar on every built page', () => {
	const pages = builtPages()
		.map((path) => [path, readPage(path)] as const)
		.filter(([, page]) => page.querySelector('nav.sidebar'));

	it('lists each page as `li > a` with its label straight in the link, the current one marked', () => {
		expect(pages.length).toBeGreaterThan(100);
		for (const [path, page] of pages) {
			const links = page.querySelectorAll('nav.sidebar ul.top-level a');
			expect(links.length, path).toBeGreaterThan(20);
			for (const link of links) {
				expect(link.parentNode?.tagName, path).toBe('LI');
				expect(link.children, `${path}: ${link.toString()}`).toEqual([]);
				expect(link.textContent.trim(), path).not.toBe('');
			}
			const current = links.filter((a) => a.getAttribute('aria-current') === 'page');
			// Pages made by routes under /studies/ are not in the sidebar themselves.
			if (links.some((a) => a.getAttribute('href') === path)) {
				expect(
					current.map((a) => a.getAttribute('href')),
					path,
				).toEqual([path]);
			}
		}
	});

	it('keeps what Starlight’s sidebar state needs: open groups, summaries and numbered restore points', () => {
		for (const [path, page] of pages) {
			const groups = page.querySelectorAll('nav.sidebar sl-sidebar-state-persist details');
			expect(groups.length, path).toBe(5);
			groups.forEach((group, index) => {
				const summary = group.querySelector(':scope > summary');
				expect(summary?.querySelector('.group-label > .large')?.textContent, path).toBeTruthy();
				// The arrow is drawn by CSS now: no icon element in the summary.
				expect(summary?.querySelector('svg'), path).toBeNull();
				expect(group.querySelector(':scope > sl-sidebar-restore')?.getAttribute('data-index')).toBe(
					String(index),
				);
			});
			expect(
				page.querySelector('sl-sidebar-state-persist')?.getAttribute('data-hash'),
				path,
			).toBeTruthy();
		}
	});
});
