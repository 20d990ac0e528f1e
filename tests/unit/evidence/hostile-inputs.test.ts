/**
 * Inputs an editor can write wrong, each refused by the evidence check at its file and line with
 * what is wrong and the fix (never first in the build, never at 0:0), or handled correctly. One
 * fixture per kind of input in tests/fixtures/evidence/<scenario>/.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/engine/check/check-project.ts';
import type { Diagnostic } from '../../../src/engine/problems/diagnostics.ts';
import { formatReferences } from '../../../src/engine/render/format.ts';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../fixtures/evidence/${name}/`, import.meta.url));

/** Each problem as `file:line code key: message`, for whole-list assertions. */
const problems = (name: string) =>
	checkProject({ root: fixture(name) }).diagnostics.map(
		(d: Diagnostic) => `${d.file}:${d.line} ${d.code} ${d.key ?? '-'}: ${d.message}`,
	);

const find = (name: string, code: string, message: RegExp) => {
	const d = checkProject({ root: fixture(name) }).diagnostics.find(
		(x) => x.code === code && message.test(x.message),
	);
	expect(d, `${code} ${message} in ${name}`).toBeDefined();
	return d!;
};

describe('unfinished facts', () => {
	it('names each field still TODO on its own line (the stub with only design and n filled in)', () => {
		const found = problems('unfinished-facts').filter((p) => p.includes('jones2019trial'));
		expect(found).toEqual(
			[
				[7, 'route'],
				[8, 'regimen'],
				[9, 'comparator'],
				[10, 'followUp'],
				[11, 'outcome'],
				[12, 'result'],
				[13, 'adverseEffects'],
			].map(
				([line, field]) =>
					`references/facts/jones2019trial.yaml:${line} unfinished-facts jones2019trial: Field "${field}" is still TODO: nothing unfinished is published.`,
			),
		);
	});

	it('names each required field that is missing, and offers its stub line again', () => {
		const d = find('unfinished-facts', 'unfinished-facts', /Field "design" is missing/);
		expect(d.file).toBe('references/facts/smith2020exercise.yaml');
		expect(d.hint).toContain('design: TODO');
		expect(d.hint).toContain('meta-analysis');
		find('unfinished-facts', 'unfinished-facts', /Field "n" is missing/);
	});

	it('reports an empty facts file as empty, with the whole stub', () => {
		const d = find('empty-facts', 'unfinished-facts', /The file is empty/);
		expect([d.file, d.line, d.column]).toEqual(['references/facts/jones2019trial.yaml', 1, 1]);
		expect(d.hint).toContain('key: jones2019trial');
		expect(d.hint).toContain('result: TODO');
	});

	it('refuses facts that say nothing about what the study found', () => {
		const d = find('empty-facts', 'unfinished-facts', /neither `result` nor `keyFacts`/);
		expect(d.file).toBe('references/facts/smith2020exercise.yaml');
	});

	it('refuses `conditions: []` with no topic: the study would be on no page', () => {
		const d = find('empty-facts', 'unfinished-facts', /placed on no page/);
		expect([d.file, d.line]).toEqual(['references/facts/smith2020exercise.yaml', 4]);
		expect(d.hint).toContain('BibTeX `keywords` do not place a study');
	});

	it('keeps no facts from an unfinished file', () => {
		expect(checkProject({ root: fixture('unfinished-facts') }).facts.byKey.size).toBe(0);
		expect(checkProject({ root: fixture('empty-facts') }).facts.byKey.size).toBe(0);
	});
});

describe('control characters', () => {
	it('refuses a NUL or ESC in a .bib title, a facts file and a page, at each line', () => {
		expect(problems('control-characters').map((p) => p.split(': ')[0])).toEqual([
			'content/page.mdx:2 control-character -',
			'content/page.mdx:8 control-character -',
			'references/facts/jones2019trial.yaml:9 control-character jones2019trial',
			'references/library.bib:7 control-character -',
		]);
		expect(problems('control-characters')[1]).toContain('U+0000 NUL');
		expect(problems('control-characters')[0]).toContain('U+001B ESCAPE');
	});

	it('keeps the facts with a NUL out of the site, and still loads every BibTeX entry', () => {
		const evidence = checkProject({ root: fixture('control-characters') });
		expect(evidence.facts.byKey.has('jones2019trial')).toBe(false);
		expect(evidence.facts.invalid.has('jones2019trial')).toBe(true);
		expect(evidence.library.entries.size).toBe(2);
	});
});

describe('sizes', () => {
	/** The valid fixture, copied to a temporary folder and changed by `edit`. */
	const variant = (edit: (root: string) => void) => {
		const root = mkdtempSync(join(tmpdir(), 'kpe-size-'));
		cpSync(fixture('valid'), root, { recursive: true });
		edit(root);
		return checkProject({ root }).diagnostics;
	};

	it('refuses a 20 MB facts file with its size, before reading it', () => {
		const diagnostics = variant((root) =>
			appendFileSync(
				join(root, 'references/facts/jones2019trial.yaml'),
				`# ${'x'.repeat(20 * 1024 * 1024)}\n`,
			),
		);
		expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([
			'references/facts/jones2019trial.yaml:1 too-large The file is 20.0 MB; a YAML data file may be at most 256 KB.',
		]);
	});

	it('refuses one field over 20,000 characters, at its line, with its length', () => {
		const diagnostics = variant((root) =>
			appendFileSync(
				join(root, 'references/facts/jones2019trial.yaml'),
				`caveats: ${'word '.repeat(5000)}x\n`,
			),
		);
		expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([
			'references/facts/jones2019trial.yaml:10 too-large Field "caveats" is 25,001 characters long; a field may be at most 20,000.',
		]);
	});

	it('refuses a page over 512 KB and a BibTeX field over 20,000 characters', () => {
		const diagnostics = variant((root) => {
			appendFileSync(join(root, 'content/notes.md'), `\n${'Words. '.repeat(80_000)}\n`);
			const bib = join(root, 'references/library.bib');
			writeFileSync(
				bib,
				readFileSync(bib, 'utf8').replace(
					'pages   = {1--9},',
					`pages = {1--9}, note = {${'n'.repeat(20_001)}},`,
				),
			);
		});
		expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
			'content/notes.md:1 too-large',
			'references/library.bib:22 too-large',
		]);
	});
});

describe('page frontmatter', () => {
	const today = new Date('2026-12-06T12:00:00Z');
	const dated = (name: string) =>
		checkProject({ root: fixture(name), today }).diagnostics.map(
			(d) => `${d.file}:${d.line} ${d.code}: ${d.message}`,
		);

	it('refuses dates that are not real YYYY-MM-DD days, never reading them as another day', () => {
		const found = dated('frontmatter-dates').filter((p) => p.startsWith('content/dates.mdx'));
		expect(found).toEqual([
			'content/dates.mdx:4 invalid-frontmatter: `lastReviewed` is "01.12.2026", which is not a real date written YYYY-MM-DD.',
			'content/dates.mdx:5 invalid-frontmatter: `nextReview` is "2026-02-30", which is not a real date written YYYY-MM-DD.',
			'content/dates.mdx:6 invalid-frontmatter: `searchDate` is "2026-13-01", which is not a real date written YYYY-MM-DD.',
			'content/dates.mdx:8 invalid-frontmatter: `updates.0.date` is 2031-01-01, a day in the future: a page can only say it was reviewed, searched or updated on a day that has come.',
		]);
	});

	it('refuses a review in the future, and a review before the evidence search', () => {
		const found = dated('frontmatter-dates');
		expect(found).toContain(
			'content/future.mdx:4 invalid-frontmatter: `lastReviewed` is 2031-01-01, a day in the future: a page can only say it was reviewed, searched or updated on a day that has come.',
		);
		expect(found).toContain(
			'content/before.mdx:5 invalid-frontmatter: `lastReviewed` (2026-11-01) is before `searchDate` (2026-12-01): the page was reviewed before the evidence it rests on was searched.',
		);
	});

	it("refuses Starlight's own fields written wrong at their lines (the build would say 0:0)", () => {
		expect(dated('frontmatter-starlight')).toEqual([
			'content/starlight.mdx:6 invalid-frontmatter: `sidebar.order`: Invalid input: expected number, received string',
			'content/starlight.mdx:7 invalid-frontmatter: `template`: Invalid option: expected one of "doc"|"splash"',
		]);
	});

	it('refuses an alias bomb with the same limit as facts files, in well under a second', () => {
		const started = performance.now();
		expect(dated('frontmatter-alias-bomb')).toEqual([
			'content/probe.mdx:2 invalid-frontmatter: The frontmatter cannot be read: Excessive alias count indicates a resource exhaustion attack',
		]);
		// Not a speed target: a bomb expanded would take minutes and gigabytes.
		expect(performance.now() - started).toBeLessThan(10_000);
	});
});

describe('confidence intervals', () => {
	it('refuses an interval written backwards in facts, and an estimate outside its interval in a summary-of-findings row', () => {
		expect(problems('backwards-intervals')).toEqual([
			'content/sof.mdx:24 implausible-interval -: The estimate -0.2 lies outside its interval 0.1 to 0.3 ("95% CI 0.1 to 0.3").',
			'references/facts/jones2019trial.yaml:10 implausible-interval jones2019trial: Field "result": The interval "95% CI 1.5 to -4.8" is written backwards: its lower bound (1.5) is above its upper bound (-4.8).',
			'references/facts/jones2019trial.yaml:11 implausible-interval jones2019trial: Field "keyFacts.0": The interval "95% CI 10.09 to 1.05" is written backwards: its lower bound (10.09) is above its upper bound (1.05).',
		]);
	});
});

describe('component props', () => {
	it('refuses <BottomLine certainty="medium">, <Certainty level="extreme"/>, a missing level and an expression, at their lines', () => {
		expect(problems('component-props')).toEqual([
			'content/page.mdx:8 invalid-component -: <BottomLine certainty="medium"> is not one of "high", "moderate", "low", "very-low", "not-graded".',
			'content/page.mdx:10 invalid-component -: <Certainty level="extreme"> is not one of "high", "moderate", "low", "very-low", "not-graded".',
			'content/page.mdx:10 invalid-component -: <Certainty> needs `level`.',
			"content/page.mdx:12 invalid-component -: <Certainty>'s `level` must be written as plain text in quotes, not as an expression.",
		]);
	});
});

describe('citations Pandoc users write', () => {
	it('reads [-@key], a bare @key and [see @key, p. 4]; refuses an unknown bare key, a page after two keys and a citation inside link text', () => {
		const evidence = checkProject({ root: fixture('pandoc-citations') });
		expect(evidence.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
			'content/page.mdx:7:22 unknown-citation',
			'content/page.mdx:9:26 unreadable-citation',
			'content/page.mdx:11:37 citation-in-link',
		]);
		// Counted: the three forms on line 5 and the unknown bare key; e-mail and code are not.
		expect(evidence.counts.citations).toBe(4);
	});
});

describe('BibTeX an editor can paste', () => {
	const evidence = checkProject({ root: fixture('bibtex-hostile') });

	it('refuses a key differing only in case, a script scheme with a space in it, and a DOI entering twice through url', () => {
		expect(evidence.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.key}`)).toEqual([
			'references/library.bib:28 duplicate-key Smith2020Exercise',
			'references/library.bib:43 unsafe-url href2021title',
			'references/library.bib:51 malformed-doi again2020doi',
			'references/library.bib:51 duplicate-identifier again2020doi',
		]);
		expect(evidence.diagnostics[0]!.message).toContain('differs only in case');
		expect(evidence.diagnostics[3]!.hint).toContain('cite "smith2020exercise"');
	});

	it('keeps the text of \\href in a title, not its URL', () => {
		expect(evidence.library.entries.get('href2021title')!.csl.title).toBe(
			'A randomised trial of things',
		);
	});

	it('shows urldate as "accessed" beside the link of a web source', () => {
		const [reference] = formatReferences([evidence.library.entries.get('web2024page')!]);
		expect(reference!.linksHtml).toBe(
			'<a href="https://example.org/advice">https://example.org/advice</a> (accessed 1 December 2026)',
		);
	});
});

describe('BibTeX keywords and facts conditions', () => {
	it('refuses keywords naming a condition the facts do not list (facts place a study; keywords do not)', () => {
		expect(problems('keyword-conditions')).toEqual([
			'references/library.bib:25 keyword-not-in-facts jones2019trial: The keywords name "migraine", but the facts file (references/facts/jones2019trial.yaml) does not list it under `conditions`, so the study would not appear on that condition\'s page.',
		]);
	});
});

describe('causes before consequences', () => {
	it('reports one unclosed brace as one problem, not one per citation of the entry it hides', () => {
		expect(problems('unclosed-brace-consequences')).toEqual([
			'references/library.bib:11 malformed-bibtex brown2021broken: The value of "title" opens a { that is never closed. (The entry is not read until this is fixed; 3 problems that follow from it, such as citations of "brown2021broken", are not listed.)',
		]);
	});
});
