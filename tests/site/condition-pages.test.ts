import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { HTMLElement } from 'node-html-parser';
import { claimUnits, readLayers, proseBlocks } from '../support/layers.ts';
import { visibleText, referenceKey } from '../support/dist.ts';
import { readability } from '../support/readability.ts';
import { CERTAINTY_LABELS } from '../../src/engine/grade/certainty.ts';
import { wordingProblems } from '../../src/engine/check/certainty-wording.ts';
import type { Certainty } from '../../src/engine/read/page-frontmatter.ts';

/** Full reviews: both layers, bottom line, summary of findings and evidence table. */
const FULL_REVIEWS = ['fibromyalgia', 'migraine', 'neuropathic-pain', 'phantom-limb-pain', 'crps'];
/** Every condition page that exists (thin-evidence pages included). */
const CONDITION_PAGES = readdirSync('content/conditions')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => f.replace(/\.mdx$/, ''))
	.filter(
		(slug) =>
			!readFileSync(join('content/conditions', `${slug}.mdx`), 'utf8').includes(
				'Review in progress',
			),
	);

const LEVEL_BY_WORD = new Map(
	Object.entries(CERTAINTY_LABELS).map(([level, l]) => [l.word, level as Certainty]),
);

function certaintyOf(badge: HTMLElement): Certainty {
	return LEVEL_BY_WORD.get(
		visibleText(badge)
			.replace(/^[⊕◯\s]+/, '')
			.replace(' certainty of evidence', ''),
	)!;
}

describe.each(CONDITION_PAGES)('condition page %s', (slug) => {
	const layers = readLayers(`/conditions/${slug}/`);

	it('plain-language layer reads at grade 8 or lower on Flesch-Kincaid, SMOG and Coleman-Liau', () => {
		const blocks = proseBlocks(layers.plain);
		const r = readability(blocks);
		const figures = `FK ${r.fleschKincaid.toFixed(1)}, SMOG ${r.smog.toFixed(1)}, CL ${r.colemanLiau.toFixed(1)} (${r.counts.word} words)`;
		console.log(`readability /conditions/${slug}/: ${figures}`);
		expect(r.counts.word, 'a real summary').toBeGreaterThan(250);
		expect(r.fleschKincaid, figures).toBeLessThanOrEqual(8);
		expect(r.smog, figures).toBeLessThanOrEqual(8);
		expect(r.colemanLiau, figures).toBeLessThanOrEqual(8);
	});

	it('every paragraph, list item and table row of the clinician layer cites the library', () => {
		const claims = claimUnits(layers.clinician);
		const uncited = claims
			.filter((el) => !el.querySelector('.kpe-cite'))
			.map((el) => visibleText(el).slice(0, 80));
		console.log(
			`citation coverage /conditions/${slug}/: ${claims.length - uncited.length}/${claims.length} claims cited`,
		);
		expect(uncited).toEqual([]);
	});

	it('every number in the plain-language layer appears in the clinician layer or the facts of a cited study', () => {
		const clinicianText = layers.clinician.map((b) => visibleText(b)).join(' ');
		const cited = layers.page.querySelectorAll('ol.kpe-references > li').map(referenceKey);
		const factsText = cited
			.map((key) => {
				// Every cited study has a facts file (the checks require it): a missing one fails here.
				return JSON.stringify(parseYaml(readFileSync(`references/facts/${key}.yaml`, 'utf8')));
			})
			.join(' ');
		const isUpToDate = (el: HTMLElement) => /up to date/i.test(visibleText(el));
		const upToDate = layers.plain.findIndex(isUpToDate);
		const blocks = proseBlocks(upToDate >= 0 ? layers.plain.slice(0, upToDate) : layers.plain);
		// "2,309" is one number, as in the haystack below.
		const numbers = blocks.flatMap((t) =>
			[...t.replace(/(\d),(\d{3})/g, '$1$2').matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]),
		);
		const haystack = ` ${clinicianText} ${factsText} `.replace(/(\d),(\d{3})/g, '$1$2');
		const missing = numbers.filter(
			(n) => !new RegExp(`(^|[^\\d.])${n.replace('.', '\\.')}(?![\\d])`).test(haystack),
		);
		expect(missing).toEqual([]);
	});
});

it('every full review has a page (a renamed page fails here instead of skipping its tests)', () => {
	expect(CONDITION_PAGES).toEqual(expect.arrayContaining(FULL_REVIEWS));
});

describe.each(FULL_REVIEWS)('full review %s', (slug) => {
	const layers = readLayers(`/conditions/${slug}/`);
	const clinician = layers.clinician;

	it('opens the clinician layer with a bottom-line box that states its certainty, in matching words', () => {
		const first = clinician.find((el) => !el.classList.contains('sl-heading-wrapper'))!;
		expect(first.classList.contains('kpe-bottom-line')).toBe(true);
		const badge = first.querySelector('.kpe-certainty')!;
		expect(badge.getAttribute('href')).toMatch(/^\/about\/how-we-grade\/#/);
		const level = certaintyOf(badge);
		const text = visibleText(first.querySelector('p:not(.kpe-bottom-line-title)'));
		expect(wordingProblems(level, text), text).toEqual([]);
	});

	it('has a summary-of-findings table: studies and people, effect worded to match certainty, symbols and word, a note per downgrade', () => {
		const table = clinician.flatMap((b) =>
			b.querySelectorAll(b.classList.contains('kpe-sof') ? 'table' : '.kpe-sof table'),
		)[0]!;
		expect(table, 'summary-of-findings table').toBeDefined();
		const rows = table.querySelectorAll('tbody tr');
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			// Outcome, studies (people), three absolute-effect columns, effect, certainty.
			const cells = row.querySelectorAll('th, td');
			const [studies, effect, certainty] = [cells[1], cells.at(-2), cells.at(-1)];
			expect(visibleText(studies)).toMatch(/^\d+ stud(y|ies) \((at least )?\d+/);
			const badge = certainty!.querySelector('.kpe-certainty')!;
			expect(visibleText(badge)).toMatch(
				/^(⊕⊕⊕⊕ High|⊕⊕⊕◯ Moderate|⊕⊕◯◯ Low|⊕◯◯◯ Very low|Not graded)/,
			);
			const level = certaintyOf(badge);
			expect(wordingProblems(level, visibleText(effect)), visibleText(effect)).toEqual([]);
			const notes = certainty!.querySelectorAll('a.kpe-sof-mark');
			if (level !== 'high' && level !== 'not-graded')
				expect(notes.length, 'a note per downgrade, or on the adopted rating').toBeGreaterThan(0);
			for (const note of notes) {
				expect(layers.page.querySelector(note.getAttribute('href')!)).not.toBeNull();
				// Letters (citations are numbers) and a name that gives the reason.
				expect(visibleText(note)).toMatch(/^[a-z]+$/);
				expect(note.getAttribute('aria-label')).toMatch(
					/^(Reason rated down: (risk of bias|inconsistency|indirectness|imprecision|publication bias)|Reason rated up: (large effect|dose-response|confounding that would shrink the effect)|Rating adopted from the review) \(note [a-z]+\)$/,
				);
			}
		}
	});

	it('has an evidence table generated from the facts, captioned and scrollable on a phone', () => {
		const wrapper = clinician.flatMap((b) =>
			b.classList.contains('kpe-evidence') ? [b] : b.querySelectorAll('.kpe-evidence'),
		)[0]!;
		expect(wrapper, 'evidence table').toBeDefined();
		expect(wrapper.getAttribute('tabindex')).toBe('0');
		expect(visibleText(wrapper.querySelector('caption')).length).toBeGreaterThan(10);
		const rows = wrapper.querySelectorAll('tbody tr');
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			const key = row.getAttribute('data-key')!;
			const facts = parseYaml(readFileSync(`references/facts/${key}.yaml`, 'utf8')) as {
				n: number | null;
			};
			expect(visibleText(row.querySelector('th'))).toContain(
				facts.n === null ? 'n not reported' : `n = ${facts.n}`,
			);
		}
	});

	it('shows when it was last reviewed and when it will be reviewed next, and links the disclaimer', () => {
		const meta = visibleText(layers.page.querySelector('.kpe-page-meta'));
		expect(meta).toMatch(/Last reviewed\s*\d{1,2} \w+ \d{4}/);
		expect(meta).toMatch(/Next review\s*\d{1,2} \w+ \d{4}/);
		expect(meta).toMatch(/Evidence searched\s*\d{1,2} \w+ \d{4}/);
		expect(meta).not.toContain('not recorded');
		expect(layers.page.querySelector('main a[href="/about/disclaimer/"]')).not.toBeNull();
	});
});
