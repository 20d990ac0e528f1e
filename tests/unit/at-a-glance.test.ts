import { describe, expect, it } from 'vitest';
import { glanceLinks } from '../../src/site/at-a-glance.ts';

describe('glanceLinks', () => {
	it('links only to the sections the page has, in a fixed order', () => {
		const headings = [
			{ depth: 3, slug: 'summary-of-findings', text: 'Summary of findings' },
			{ depth: 2, slug: 'in-plain-words', text: 'In plain words' },
			{ depth: 2, slug: 'for-clinicians', text: 'For clinicians' },
			{ depth: 3, slug: 'key-messages', text: 'Key messages' },
		];
		expect(glanceLinks(headings)).toEqual([
			{ href: '#in-plain-words', label: 'In plain words' },
			{ href: '#for-clinicians', label: 'For clinicians' },
			{ href: '#summary-of-findings', label: 'Summary of findings' },
		]);
	});

	it('is empty on a page without those sections', () => {
		expect(glanceLinks([{ depth: 2, slug: 'why', text: 'Why' }])).toEqual([]);
	});
});
