/**
 * No markup can reach a page through a field: every spelling of `<`/`>` in a displayed BibTeX field
 * is refused after LaTeX decoding; invisible characters are refused in keys, identifiers and titles;
 * cuts never split a character; every check is linear in the field's length.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBibtexText } from '../../../src/engine/read/library.ts';
import { checkEntry } from '../../../src/engine/check/entry-rules.ts';
import { checkEntryText } from '../../../src/engine/check/entry-text-rules.ts';
import type { Diagnostic } from '../../../src/engine/problems/diagnostics.ts';
import { findInvisible, findMarkup, truncateText } from '../../../src/engine/read/text-safety.ts';
import { escapeHtml } from '../../../src/engine/html/serialise.ts';
import {
	checkFrontmatterTitles,
	titleTextProblems,
} from '../../../src/engine/check/frontmatter-text.ts';

/** Builds a one-entry library with `field = {value}` on line 3, and returns every entry problem. */
function problemsFor(field: string, value: string, key = 'smith2020exercise'): Diagnostic[] {
	const base: Record<string, string> = {
		author: 'Smith, John',
		title: 'Exercise and pain',
		journal: 'Journal of Testing',
		year: '2020',
		doi: '10.1000/xyz123',
	};
	delete base[field];
	const rest = Object.entries(base).map(([k, v]) => `  ${k} = {${v}},`);
	const bib = [
		`@article{${key},`,
		`  note = {line 2},`,
		`  ${field} = {${value}},`,
		...rest,
		'}',
	].join('\n');
	const { entries, diagnostics } = loadBibtexText('references/library.bib', bib);
	return [...diagnostics, ...entries.flatMap(checkEntry), ...entries.flatMap(checkEntryText)];
}

const PAYLOADS = {
	raw: '<img src=x onerror=alert(1)>',
	'raw close-title': '</title><script>alert(1)</script>',
	'LaTeX \\textless': '\\textless img src=x onerror=alert(1)\\textgreater',
	'LaTeX braced': '{\\textless}svg onload=alert(1){\\textgreater}',
	'LaTeX math': '$<$script$>$alert(1)',
	'LaTeX \\url': '\\url{<b>}',
	'entity &lt;': '&lt;img src=x onerror=alert(1)&gt;',
	'numeric entity': '&#60;script&#62;',
	'p-value': 'Pain fell (p<0.05)',
};
const FIELDS = ['title', 'author', 'journal'];

describe('markup in a displayed BibTeX field, in every spelling', () => {
	for (const field of FIELDS) {
		for (const [spelling, payload] of Object.entries(PAYLOADS)) {
			it(`refuses ${spelling} in ${field}, at its line, with a fix`, () => {
				// A name citation-js cannot parse at all is refused as unreadable (it would vanish).
				const found = problemsFor(field, payload).filter((d) =>
					['markup-in-field', 'html-in-field', 'malformed-bibtex'].includes(d.code),
				);
				expect(found.length, JSON.stringify(problemsFor(field, payload))).toBeGreaterThan(0);
				for (const d of found) {
					expect(d.file).toBe('references/library.bib');
					expect(d.line).toBe(3);
					expect(d.column).toBeGreaterThan(1);
					expect(d.key).toBe('smith2020exercise');
					expect(d.hint.length).toBeGreaterThan(10);
				}
			});
		}
	}

	it('accepts quotes, ampersands and apostrophes, which are escaped on output', () => {
		for (const field of FIELDS) expect(problemsFor(field, `O'Brien \\& "Co" {\\'e}`)).toEqual([]);
	});

	it('reads the decoded text in the message, not the LaTeX', () => {
		const [d] = problemsFor('title', '\\textless script\\textgreater').filter(
			(p) => p.code === 'markup-in-field',
		);
		expect(d!.message).toContain('"<"');
		expect(d!.message).toContain('<script>');
		expect(d!.hint).toContain('less than script greater than');
	});
});

describe('invisible characters in keys, identifiers and titles', () => {
	const RLO = '\u202E';
	const ZWSP = '\u200B';
	const cases: [string, string, string][] = [
		['doi', `10.1000/${RLO}321zyx`, 'U+202E RIGHT-TO-LEFT OVERRIDE'],
		['doi', `10.1000/xyz${ZWSP}123`, 'U+200B ZERO WIDTH SPACE'],
		['pmid', `1234${'\u2066'}5`, 'U+2066 LEFT-TO-RIGHT ISOLATE'],
		['url', `https://example.org/${'\u2069'}a`, 'U+2069 POP DIRECTIONAL ISOLATE'],
		['title', `Ketamine ${RLO}niap`, 'U+202E'],
	];
	for (const [field, value, description] of cases) {
		it(`refuses ${description} in ${field} at its line`, () => {
			const found = problemsFor(field, value).filter((d) => d.code === 'invisible-character');
			expect(found).toHaveLength(1);
			expect(found[0]!.line).toBe(3);
			expect(found[0]!.message).toContain(description);
			expect(found[0]!.hint).not.toMatch(/[\u200B\u202E\u2066\u2069]/);
		});
	}

	it('refuses them in a key, and suggests the key without them', () => {
		const found = problemsFor('title', 'Fine', `smith2020${ZWSP}exercise`).filter(
			(d) => d.code === 'invisible-character',
		);
		expect(found).toHaveLength(1);
		expect(found[0]!.line).toBe(1);
		expect(found[0]!.hint).toContain('`smith2020exercise`');
	});
});

describe('frontmatter titles', () => {
	const page = (title: string) =>
		[
			'---',
			`title: ${JSON.stringify(title)}`,
			'description: "p<0.05 is fine here"',
			'---',
			'Body',
		].join('\n');

	it('refuses markup in a title, at its line and column', () => {
		const [d, ...rest] = checkFrontmatterTitles(
			page('</title><script>alert(1)</script>'),
			'content/x.mdx',
		);
		expect(rest).toEqual([]);
		expect(d).toMatchObject({ code: 'markup-in-field', file: 'content/x.mdx', line: 2, column: 8 });
	});

	it('refuses invisible characters in a sidebar label', () => {
		const source = ['---', 'title: Fine', 'sidebar:', '  label: "Fi\u202Ene"', '---'].join('\n');
		expect(checkFrontmatterTitles(source, 'content/x.md')).toMatchObject([
			{ code: 'invisible-character', line: 4 },
		]);
	});

	it('leaves a safe title and other fields alone', () => {
		expect(
			checkFrontmatterTitles(page('Ketamine & pain: "what we know"'), 'content/x.mdx'),
		).toEqual([]);
		expect(titleTextProblems('Ketamine & pain')).toEqual([]);
		expect(titleTextProblems('a < b')).toHaveLength(1);
	});
});

describe('the <title> escape', () => {
	it('makes a title inert and keeps its text', () => {
		// <title> is RCDATA: only `&` and `<` mean anything there (`</title` needs the `<`).
		expect(escapeHtml('</title><img src=x onerror=alert(1)> & co')).toBe(
			'&lt;/title>&lt;img src=x onerror=alert(1)> &amp; co',
		);
	});
});

describe('cutting text', () => {
	it('cuts at a character limit even with no space', () => {
		const cut = truncateText('x'.repeat(17_500), 100);
		expect(Array.from(cut)).toHaveLength(101);
		expect(cut.endsWith('…')).toBe(true);
	});

	it('never exceeds the limit, never splits a surrogate pair, and keeps a prefix', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 300 }),
				fc.integer({ min: 5, max: 120 }),
				(text, max) => {
					const cut = truncateText(text, max);
					const chars = Array.from(cut);
					expect(chars.length).toBeLessThanOrEqual(max + 1);
					expect(cut).not.toMatch(
						/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
					);
					const kept = cut.endsWith('…') && cut !== text ? cut.slice(0, -1) : cut;
					expect(text.startsWith(kept)).toBe(true);
				},
			),
			{ numRuns: 300 },
		);
	});

	it('prefers a word break in the last third', () => {
		expect(truncateText('Ketamine infusions for complex regional pain syndrome', 28)).toBe(
			'Ketamine infusions for…',
		);
	});
});

describe('linear time', () => {
	const MB = 1_000_000;
	// Inputs shaped to make a backtracking pattern rescan the field from every position.
	const fields: Record<string, string> = {
		'dotted words': 'a.'.repeat(MB / 2),
		'tag starts without an end': '<a'.repeat(MB / 2),
		'entity starts without an end': '&a'.repeat(MB / 2),
		'scheme-like words': 'ab:'.repeat(MB / 3),
		'invisible-free text': 'ketamine '.repeat(MB / 9),
	};
	for (const [name, value] of Object.entries(fields)) {
		it(`checks a 1 MB field of ${name} in well under a second`, () => {
			const bib = `@article{smith2020exercise,\n  note = {${value}},\n  author = {Smith, John},\n  title = {T},\n  journal = {J},\n  year = {2020},\n  doi = {10.1000/x}\n}`;
			const { entries } = loadBibtexText('references/library.bib', bib);
			expect(entries).toHaveLength(1);
			const start = performance.now();
			checkEntry(entries[0]!);
			checkEntryText(entries[0]!);
			findMarkup(value);
			findInvisible(value);
			truncateText(value, 100);
			// Generous: measured at about 0.1–0.4 s; a quadratic check takes minutes on this input.
			expect(performance.now() - start).toBeLessThan(1_000);
		});
	}
});
