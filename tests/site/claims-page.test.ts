/**
 * The clinic claims page, everything asserted about it in one place: it reads as answers (listed in
 * "On this page", verdict, plain answer, cited explanation), its verdict table links to each claim,
 * and claims and condition pages link to each other.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { readPage, visibleText } from '../support/dist.ts';
import { claimUnits } from '../support/layers.ts';

let page: HTMLElement;
let sections: HTMLElement[];
beforeAll(() => {
	page = readPage('/claims/');
	sections = page.querySelectorAll('section.kpe-claim');
});

describe('the clinic claims page', () => {
	it('lists every claim (at least the 13 common ones) in "On this page", linking to its heading', () => {
		const toc = page.querySelector('starlight-toc nav')!;
		expect(sections.length).toBeGreaterThanOrEqual(13);
		for (const section of sections) {
			const heading = section.querySelector('h3')!;
			expect(heading.id).toBe(`${section.id}-title`);
			const entry = toc.querySelector(`a[href="#${heading.id}"]`);
			expect(entry, heading.id).not.toBeNull();
			expect(visibleText(entry)).toBe(visibleText(heading));
		}
	});

	it('shows each verdict and certainty as a badge in the summary table, each row linking to its claim', () => {
		const rows = page.querySelectorAll('.kpe-claims-table tbody tr');
		expect(rows.length).toBe(sections.length);
		for (const row of rows) {
			expect(row.querySelector('td .kpe-verdict'), row.id).not.toBeNull();
			expect(row.querySelector('td a.kpe-certainty'), visibleText(row)).not.toBeNull();
			const href = row.querySelector('a')!.getAttribute('href')!;
			expect(page.querySelector(href), href).not.toBeNull();
		}
	});

	it('gives each claim its verdict and certainty, then a plain answer, then the cited explanation', () => {
		for (const section of sections) {
			const blocks = section.querySelectorAll(':scope > p');
			expect(blocks[0]!.classList.contains('kpe-claim-verdict'), section.id).toBe(true);
			expect(visibleText(blocks[0])).toMatch(
				/^Verdict: (Supported|Partly supported|Not supported|Unknown) · Certainty: /,
			);
			expect(blocks[1]!.classList.contains('kpe-claim-answer'), section.id).toBe(true);
			expect(visibleText(blocks[1])).toMatch(/^In short: \p{Lu}[^[]+\. \[/u);
			expect(blocks[1]!.querySelector('.kpe-cite'), section.id).not.toBeNull();
			expect(blocks[2]!.querySelector('.kpe-cite'), section.id).not.toBeNull();
		}
	});

	it('cites the library in every paragraph, list item and table row of every claim', () => {
		const uncited = claimUnits(sections).filter((el) => !el.querySelector('.kpe-cite'));
		expect(uncited.map((el) => visibleText(el).slice(0, 80))).toEqual([]);
	});

	it('explains a claim that is "Not supported" yet "Not graded", on the claim and above the list', () => {
		const ungraded = sections.filter((s) => s.querySelector('.kpe-certainty-not-graded'));
		expect(ungraded.length).toBeGreaterThan(0);
		for (const section of ungraded) {
			// Seen: "Not graded (…)"; heard: the badge's name, "Not graded certainty of evidence (…)".
			const verdict = section.querySelector('.kpe-claim-verdict');
			expect(visibleText(verdict)).toMatch(
				/Not graded \(no study measured this claim, so there is nothing to grade\)$/,
			);
			expect(verdict!.querySelector('.kpe-certainty-not-graded')!.getAttribute('aria-label')).toBe(
				'Not graded certainty of evidence',
			);
		}
		const both = ungraded.find((s) => s.querySelector('.kpe-verdict-not-supported'));
		expect(both, 'a claim both not supported and not graded').toBeDefined();
		expect(visibleText(page.querySelector('main'))).toMatch(
			/a claim can be not supported and not graded at the same time/,
		);
	});

	it('cross-links claims and condition pages both ways', () => {
		const conditionLinks = [
			...new Set(
				page
					.querySelectorAll('.kpe-claim-related a[href^="/conditions/"]')
					.map((a) => a.getAttribute('href')!),
			),
		];
		expect(conditionLinks.length).toBeGreaterThan(0);
		for (const href of conditionLinks) {
			const back = readPage(href).querySelectorAll('main a[href^="/claims/#claim-"]');
			expect(back.length, `${href} links back to its claims`).toBeGreaterThan(0);
		}
	});
});
