/** The pages about the site: plain words first, easy to read, signed, and linked from the sidebar. */
import { describe, expect, it } from 'vitest';
import { readPage, visibleText } from '../support/dist.ts';
import { readability } from '../support/readability.ts';
import type { HTMLElement } from 'node-html-parser';

const TRUST_PAGES = [
	'/about/',
	'/about/conflicts-of-interest/',
	'/about/privacy/',
	'/about/contact/',
];

/** Paragraphs and list items between "In plain words" and the next h2. */
function plainBlocks(path: string): string[] {
	const content = readPage(path).querySelector('main .sl-markdown-content')!;
	const children = content.childNodes.filter((n): n is HTMLElement => n.nodeType === 1);
	const start = children.findIndex(
		(el) => el.querySelector('h2#in-plain-words') || el.id === 'in-plain-words',
	);
	// Only the page meta and the disclaimer note come before it: no other section.
	expect(start).toBeGreaterThanOrEqual(0);
	expect(children.slice(0, start).some((el) => el.querySelector('h2'))).toBe(false);
	const rest = children.slice(start + 1);
	const end = rest.findIndex((el) => el.querySelector('h2') || el.tagName === 'H2');
	return rest
		.slice(0, end < 0 ? undefined : end)
		.flatMap((el) =>
			el.tagName === 'UL' || el.tagName === 'OL' ? el.querySelectorAll('li') : [el],
		)
		.map((el) => visibleText(el));
}

describe.each(TRUST_PAGES)('%s', (path) => {
	it('opens with "In plain words", readable at grade 8 or below', () => {
		const r = readability(plainBlocks(path));
		expect(r.fleschKincaid).toBeLessThanOrEqual(8);
		expect(r.smog).toBeLessThanOrEqual(8);
		expect(r.colemanLiau).toBeLessThanOrEqual(8);
	});
	it('shows who wrote it', () => {
		expect(visibleText(readPage(path).querySelector('.kpe-page-meta'))).toMatch(/Written by/);
	});
	it('is in the sidebar', () => {
		expect(
			readPage('/conditions/crps/').querySelector(`nav.sidebar a[href="${path}"]`),
		).not.toBeNull();
	});
});

describe('what the privacy page promises is what the site does', () => {
	it('asks browsers to send no referrer on every page', () => {
		for (const path of ['/', '/about/privacy/', '/conditions/crps/', '/studies/'])
			expect(readPage(path).querySelector('meta[name="referrer"]')?.getAttribute('content')).toBe(
				'no-referrer',
			);
	});
});
