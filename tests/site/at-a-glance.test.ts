import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { builtPages, readPage, visibleText } from '../support/dist.ts';
import { wordingMismatches } from '../../src/engine/check/certainty-wording.ts';
import { CERTAINTY_LABELS } from '../../src/engine/grade/certainty.ts';
import type { Certainty } from '../../src/engine/read/page-frontmatter.ts';
import { REVIEW_PAGES } from '../support/review-pages.ts';

/** Condition and topic pages, by page type (the topics overview and the regimens table are not reviews). */
const reviewPages = REVIEW_PAGES;

/** The clinician bottom line stays short; its detail follows the box. */
const BOTTOM_LINE_WORDS = 65;

/** The bottom line's sentences as a reader sees them: no title, no citation numbers or previews. */
function statements(box: HTMLElement, { badges = true } = {}): string {
	return box
		.querySelectorAll('p:not(.kpe-bottom-line-title)')
		.map((p) => {
			const clone = p.clone() as HTMLElement;
			clone.querySelectorAll('.kpe-cite').forEach((el) => el.remove());
			if (!badges) clone.querySelectorAll('.kpe-certainty').forEach((el) => el.remove());
			return visibleText(clone).replace(/\s+([.,;:])/g, '$1');
		})
		.join(' ');
}

const levelOf = (badge: HTMLElement) =>
	(Object.keys(CERTAINTY_LABELS) as Certainty[]).find((level) =>
		badge.getAttribute('class')!.split(/\s+/).includes(`kpe-certainty-${level}`),
	)!;

/** Whether the page's source marks an outcome row as its key picture. */
function keyPictureIn(path: string): boolean {
	const file = `content${path.replace(/\/$/, '')}.mdx`;
	return existsSync(file) && /^\s+keyPicture: true$/m.test(readFileSync(file, 'utf8'));
}

describe.each(reviewPages)('%s', (path) => {
	const page = readPage(path);
	const content = page.querySelector('main .sl-markdown-content')!;
	const glance = content.querySelector('.kpe-glance');
	const bottomLine = content.querySelector('.kpe-bottom-line');

	it('opens with "At a glance": answer, certainty (symbols and word), key harm, then links into each layer', () => {
		expect(glance, 'an At a glance box').not.toBeNull();
		// First in the content, before the page facts and the plain-language layer.
		expect(content.querySelector(':scope > *')?.classList.contains('kpe-glance')).toBe(true);
		const order = glance!.childNodes
			.filter((n) => n.nodeType === 1)
			.map((el) => (el as HTMLElement).getAttribute('class'));
		expect(order.slice(0, 6)).toEqual([
			'kpe-glance-title',
			'kpe-glance-answer',
			'kpe-glance-certainty',
			'kpe-glance-harm',
			'kpe-glance-sources',
			'kpe-glance-links',
		]);
		// Then, on pages that mark a key picture, that picture and nothing else.
		expect(order.slice(6)).toEqual(keyPictureIn(path) ? ['kpe-glance-picture'] : []);
		// Its sources are numbers of the page's own reference list.
		const sources = glance!.querySelectorAll('.kpe-glance-sources a');
		expect(sources.length).toBeGreaterThan(0);
		for (const a of sources) {
			const target = page.querySelector(a.getAttribute('href')!);
			expect(target?.tagName, a.getAttribute('href')!).toBe('LI');
			expect(visibleText(a)).toMatch(/^\[\d+\]$/);
		}
		expect(visibleText(glance!.querySelector('.kpe-glance-answer')!).length).toBeGreaterThan(20);
		expect(visibleText(glance!.querySelector('.kpe-glance-harm')!)).toMatch(/^Key harm: \S/);
		expect(visibleText(glance!.querySelector('.kpe-certainty')!)).toMatch(
			/^(⊕⊕⊕⊕ High|⊕⊕⊕◯ Moderate|⊕⊕◯◯ Low|⊕◯◯◯ Very low|Not graded)/,
		);
		const links = glance!.querySelectorAll('.kpe-glance-links a').map((a) => ({
			label: visibleText(a),
			target: page.querySelector(a.getAttribute('href')!) !== null,
		}));
		expect(links.map((l) => l.label)).toEqual(
			expect.arrayContaining(['In plain words', 'For clinicians']),
		);
		expect(links.every((l) => l.target)).toBe(true);
	});

	it.runIf(keyPictureIn(path))(
		'shows its key "out of 100 people" picture: two grids, the numbers, a link to the study',
		() => {
			const picture = glance!.querySelector('.kpe-glance-picture')!;
			expect(visibleText(picture.querySelector('.kpe-glance-picture-title')!)).toMatch(
				/^Out of 100 people: \S/,
			);
			expect(picture.querySelectorAll('svg.kpe-icon-grid')).toHaveLength(2);
			expect(picture.querySelectorAll('.kpe-icon-numbers tbody tr')).toHaveLength(2);
			const study = picture.querySelector('figcaption a')?.getAttribute('href') ?? '';
			expect(study).toMatch(/^\/studies\/[a-z0-9]+\/$/);
			expect(builtPages()).toContain(study);
		},
	);

	it.runIf(bottomLine !== null)("states the bottom line's certainty", () => {
		expect(levelOf(glance!.querySelector('.kpe-certainty')!)).toBe(
			levelOf(bottomLine!.querySelector('.kpe-bottom-line-title .kpe-certainty')!),
		);
	});

	it.runIf(bottomLine !== null)(
		`keeps the clinician bottom line to ${BOTTOM_LINE_WORDS} words, first in its layer`,
		() => {
			const words = statements(bottomLine!, { badges: false }).split(/\s+/).filter(Boolean).length;
			expect(words).toBeLessThanOrEqual(BOTTOM_LINE_WORDS);
			const clinicians = page.querySelector('#for-clinicians')!;
			const heading = clinicians.closest('.sl-heading-wrapper') ?? clinicians;
			expect(heading.nextElementSibling?.classList.contains('kpe-bottom-line')).toBe(true);
		},
	);

	it('adds no duplicate ids and keeps its labels and links out of search', () => {
		const ids = page.querySelectorAll('[id]').map((el) => el.id);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		for (const selector of ['.kpe-glance-title', '.kpe-glance-certainty', '.kpe-glance-links'])
			expect(glance!.querySelector(selector)?.hasAttribute('data-pagefind-ignore'), selector).toBe(
				true,
			);
	});

	it.runIf(bottomLine !== null)(
		'words every sentence of the bottom line as its certainty badge allows (GRADE guideline 26)',
		() => {
			const badge = levelOf(bottomLine!.querySelector('.kpe-certainty')!);
			const wrong = wordingMismatches(badge, statements(bottomLine!)).map(
				(m) =>
					`"${m.sentence.slice(0, 140)}" reads as ${m.claimed} certainty beside a ${m.badge} badge`,
			);
			expect(wrong).toEqual([]);
		},
	);
});
