/**
 * Properties of the library loader and the formatter over generated inputs (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEntry } from '../../../src/engine/check/entry-rules.ts';
import { formatReferences } from '../../../src/engine/render/format.ts';
import { loadBibtexText } from '../../../src/engine/read/library.ts';

// Modest, so the file runs in about a second.
const RUNS = { numRuns: 50 };

interface GeneratedEntry {
	key: string;
	title: string;
	doi: string;
}

/**
 * A word, then at most one punctuation mark. Words are joined by single spaces, so no LaTeX
 * ligature (`--`, `''`, `` ` ``, `~`) can form: BibTeX itself would turn those into other characters.
 */
const word = fc
	.tuple(
		fc.stringMatching(/^[A-Za-z0-9]{1,10}$/),
		fc.constantFrom('', '', '', '.', ',', ':', ';', '!', '?', ')', "'", '"', '-'),
	)
	.map(([w, p]) => w + p);
const title = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
const doi = fc
	.tuple(
		fc.integer({ min: 1000, max: 99999 }),
		fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.-]{0,20}$/),
	)
	.map(([registrant, suffix]) => `10.${registrant}/${suffix}`);
const entry: fc.Arbitrary<GeneratedEntry> = fc.record({
	key: fc.stringMatching(/^[a-z][a-z0-9]{2,20}$/),
	title,
	doi,
});

function toBibtex(entries: readonly GeneratedEntry[]): string {
	return entries
		.map((e) =>
			[
				`@article{${e.key},`,
				'  author  = {Smith, John},',
				`  title   = {${e.title}},`,
				'  journal = {Journal of Testing},',
				'  year    = {2020},',
				`  doi     = {${e.doi}}`,
				'}',
			].join('\n'),
		)
		.join('\n\n');
}

/** Decodes the entities escapeHtml and citeproc write (named and numeric), in one pass. */
function decodeEntities(html: string): string {
	const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
	return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
		if (name[0] === '#') {
			return String.fromCodePoint(
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
			);
		}
		return named[name.toLowerCase()] ?? entity;
	});
}

describe('loadBibtexText round trip', () => {
	it('reads back exactly N generated entries with their keys, titles and DOIs', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(entry, { selector: (e) => e.key, minLength: 1, maxLength: 8 }),
				(entries) => {
					const result = loadBibtexText('references/library.bib', toBibtex(entries));
					expect(result.diagnostics).toEqual([]);
					expect(result.openings).toBe(entries.length);
					expect(result.entries).toHaveLength(entries.length);
					expect(result.entries.map((e) => e.key)).toEqual(entries.map((e) => e.key));
					expect(result.entries.map((e) => e.csl.title)).toEqual(entries.map((e) => e.title));
					expect(result.entries.map((e) => e.csl.DOI)).toEqual(entries.map((e) => e.doi));
					// Valid entries pass every per-entry check.
					expect(result.entries.flatMap(checkEntry)).toEqual([]);
				},
			),
			RUNS,
		);
	});
});

describe('formatReferences keeps any title inert and exact', () => {
	/** Titles mixing words with markup and characters HTML and citeproc treat specially. */
	const risky = fc
		.array(
			fc.oneof(
				fc.stringMatching(/^[A-Za-z0-9]{1,8}$/),
				fc.constantFrom(
					'<script>',
					'</script>',
					'<script>alert(1)</script>',
					'<SCRIPT src=x>',
					'"',
					'&',
					"'",
					'<',
					'>',
					'&amp;',
					'&lt;script&gt;',
					'"quoted"',
					"it's",
					'a&b',
					'<i>italic</i>',
					'<b>',
				),
			),
			{ minLength: 1, maxLength: 10 },
		)
		.map((tokens) => tokens.join(' '));

	it('renders no raw <script and decodes back to the original title', () => {
		fc.assert(
			fc.property(risky, (value) => {
				const bib = `@article{smith2020exercise,\n  author = {Smith, John},\n  title = {${value}},\n  journal = {Journal of Testing},\n  year = {2020},\n  doi = {10.1000/xyz123}\n}`;
				const { entries } = loadBibtexText('references/library.bib', bib);
				expect(entries).toHaveLength(1);
				expect(entries[0]!.csl.title).toBe(value);
				const [reference] = formatReferences(entries);
				expect(reference!.html).not.toMatch(/<script/i);
				expect(reference!.html).not.toMatch(/<(?!\/?(?:i|b|sup|sub|span)\b)/);
				expect(decodeEntities(reference!.html)).toContain(value);
				// The hover preview is plain text; it holds the exact title, cut at a word near 100
				// characters when longer (the full title is in the bibliography).
				const previewTitle = reference!.short.replace(/^.*?\d{4}\. /, '').replace(/…$/, '');
				expect(value.startsWith(previewTitle)).toBe(true);
				if (value.length <= 100) expect(previewTitle).toBe(value);
			}),
			RUNS,
		);
	});
});
