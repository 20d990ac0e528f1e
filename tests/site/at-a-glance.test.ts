import { describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { builtPages, readPage, visibleText } from '../support/dist.ts';
import { wordingMismatches } from '../../src/lib/certainty-wording.ts';
import { CERTAINTY_LABELS } from '../../src/lib/evidence/certainty.ts';
import type { Certainty } from '../../src/lib/page-frontmatter.ts';

const conditionPages = builtPages().filter((p) => /^\/conditions\/[^/]+\/$/.test(p));

/**
 * Bottom lines whose wording does not match their badge (found 2026-12-01, reported to the lead: the
 * page text belongs to the evidence editors). The box's badge is the lowest certainty of its
 * statements, so a "may reduce" (low) statement beside a Very low badge reads as very low to a
 * reader. Fix: state the sentence's own certainty ("(low certainty)" or an inline <Certainty>), or
 * reword. These tests are expected to fail until then; when one passes, remove its line here.
 */
const KNOWN_MISMATCHES: Record<string, string> = {
	'/conditions/crps/': '"may reduce CRPS pain for some weeks" beside Very low',
	'/conditions/migraine/': '"may make little or no difference to pain at 30 min" beside Very low',
	'/conditions/neuropathic-pain/': '"may reduce" (twice) and "probably" beside Very low',
};

/** The bottom line's sentences as a reader sees them: no title, no citation numbers or previews. */
function statements(box: HTMLElement): string {
	return box
		.querySelectorAll('p:not(.kpe-bottom-line-title):not(.kpe-glance-lead)')
		.map((p) => {
			const clone = p.clone() as HTMLElement;
			clone.querySelectorAll('.kpe-cite, .kpe-cite-copy').forEach((cite) => cite.remove());
			return visibleText(clone).replace(/\s+([.,;:])/g, '$1');
		})
		.join(' ');
}

const levelOf = (badgeClass: string) =>
	(Object.keys(CERTAINTY_LABELS) as Certainty[]).find((level) =>
		badgeClass.split(/\s+/).includes(`kpe-certainty-${level}`),
	)!;

describe.each(conditionPages)('%s', (path) => {
	const page = readPage(path);
	const content = page.querySelector('main .sl-markdown-content')!;
	const glance = content.querySelector('.kpe-glance');
	const bottomLine = content.querySelector('.kpe-bottom-line');

	it('opens with "At a glance": the bottom line, its certainty and links to the main sections', () => {
		expect(bottomLine, 'a bottom-line box').not.toBeNull();
		expect(glance, 'an At a glance box').not.toBeNull();
		// First in the content, before the page facts and the plain-language layer.
		expect(content.querySelector(':scope > *')?.classList.contains('kpe-glance')).toBe(true);
		expect(glance!.querySelector('.kpe-certainty')?.toString()).toBe(
			bottomLine!.querySelector('.kpe-certainty')?.toString(),
		);
		expect(statements(glance!.querySelector('.kpe-glance-text')!)).toBe(statements(bottomLine!));
		const links = glance!.querySelectorAll('.kpe-glance-links a').map((a) => ({
			label: visibleText(a),
			target: page.querySelector(a.getAttribute('href')!) !== null,
		}));
		expect(links.map((l) => l.label)).toEqual(
			expect.arrayContaining(['In plain words', 'For clinicians']),
		);
		expect(links.every((l) => l.target)).toBe(true);
	});

	it('adds no duplicate ids and keeps its copy out of search', () => {
		const ids = page.querySelectorAll('[id]').map((el) => el.id);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		expect(glance!.getAttribute('data-pagefind-ignore')).toBe('all');
	});

	const check = KNOWN_MISMATCHES[path] ? it.fails : it;
	check(
		'words every sentence of the bottom line as its certainty badge allows (GRADE guideline 26)',
		() => {
			const badge = levelOf(bottomLine!.querySelector('.kpe-certainty')!.getAttribute('class')!);
			const wrong = wordingMismatches(badge, statements(bottomLine!)).map(
				(m) =>
					`"${m.sentence.slice(0, 140)}" reads as ${m.claimed} certainty beside a ${m.badge} badge`,
			);
			expect(wrong).toEqual([]);
		},
	);
});
