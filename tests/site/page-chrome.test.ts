/**
 * The parts of every page Starlight draws around the text, made leaner by the evidence plugin:
 * heading links (src/markdown/heading-links.ts) keep their address and accessible name in fewer
 * elements.
 */
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
