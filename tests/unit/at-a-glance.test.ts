import { describe, expect, it } from 'vitest';
import { readGlance } from '../../src/lib/at-a-glance.ts';

const BADGE =
	'<a class="kpe-certainty kpe-certainty-low" href="/about/how-we-grade/#low"><span aria-hidden="true">⊕⊕◯◯</span> Low</a>';
const PAGE =
	'<h2 id="in-plain-words">In plain words</h2><p>…</p><h2 id="for-clinicians">For clinicians</h2>' +
	`<section class="kpe-bottom-line" aria-labelledby="bottom-line-title"><p class="kpe-bottom-line-title" id="bottom-line-title"><strong>Bottom line</strong><span>Certainty: ${BADGE}</span></p>` +
	'<p>It may reduce pain <span class="kpe-cite" id="cite-1">[<a href="#ref-a" class="kpe-cite-link">1</a>]</span>.</p></section>' +
	'<h3 id="summary-of-findings">Summary of findings</h3>';

describe('readGlance', () => {
	it('copies the bottom line and its badge, without ids, with citations marked as copies', () => {
		const glance = readGlance(PAGE)!;
		expect(glance.badge).toBe(BADGE);
		expect(glance.body).toBe(
			'<p>It may reduce pain <span class="kpe-cite-copy">[<a href="#ref-a" class="kpe-cite-link">1</a>]</span>.</p>',
		);
	});

	it('links only to the sections the page has, in a fixed order', () => {
		expect(readGlance(PAGE)!.links).toEqual([
			{ href: '#in-plain-words', label: 'In plain words' },
			{ href: '#for-clinicians', label: 'For clinicians' },
			{ href: '#summary-of-findings', label: 'Summary of findings' },
		]);
	});

	it('is null on a page without a bottom line', () => {
		expect(readGlance('<h2 id="in-plain-words">In plain words</h2>')).toBeNull();
	});
});
