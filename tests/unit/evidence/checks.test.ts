/**
 * The evidence checks on whole (tiny) projects: each fixture in tests/fixtures/evidence/<scenario>/
 * holds one kind of problem, and each test asserts the diagnostic an editor would see: its code,
 * file, exact line and column, key, and a hint that says how to fix it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	checkProject,
	scanEvidenceTableKeys,
	type Evidence,
} from '../../../src/engine/check/check-project.ts';
import {
	formatDiagnostic,
	type Diagnostic,
	type DiagnosticCode,
} from '../../../src/engine/problems/diagnostics.ts';
import { formatReferences, normaliseText } from '../../../src/engine/render/format.ts';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../fixtures/evidence/${name}/`, import.meta.url));

const check = (name: string): Evidence => checkProject({ root: fixture(name) });

interface Expected {
	code: DiagnosticCode;
	file: string;
	line: number;
	column?: number;
	/** `null` asserts that the diagnostic names no key. */
	key: string | null;
	/** A meaningful part of the fix. */
	hint: string | RegExp;
	message?: string | RegExp;
}

/** Asserts one diagnostic in full, including how the terminal prints it. */
function expectDiagnostic(d: Diagnostic | undefined, expected: Expected): void {
	expect(d, `expected a ${expected.code} diagnostic`).toBeDefined();
	const diagnostic = d!;
	expect(diagnostic.code).toBe(expected.code);
	expect(diagnostic.file).toBe(expected.file);
	expect(diagnostic.line).toBe(expected.line);
	if (expected.column !== undefined) expect(diagnostic.column).toBe(expected.column);
	if (expected.key === null) expect(diagnostic.key).toBeUndefined();
	else expect(diagnostic.key).toBe(expected.key);
	if (typeof expected.hint === 'string') expect(diagnostic.hint).toContain(expected.hint);
	else expect(diagnostic.hint).toMatch(expected.hint);
	if (typeof expected.message === 'string') expect(diagnostic.message).toContain(expected.message);
	else if (expected.message) expect(diagnostic.message).toMatch(expected.message);
	expect(diagnostic.message.length).toBeGreaterThan(0);
	const printed = formatDiagnostic(diagnostic);
	expect(
		printed.startsWith(
			`${expected.file}:${expected.line}:${diagnostic.column} error [${expected.code}]`,
		),
		printed,
	).toBe(true);
	expect(printed).toContain(`fix: ${diagnostic.hint}`);
	expect(printed).toContain(`see: CONTRIBUTING.md#${expected.code}`);
}

/** The single diagnostic a fixture must produce. */
function only(evidence: Evidence): Diagnostic {
	expect(evidence.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toHaveLength(1);
	return evidence.diagnostics[0]!;
}

const byKey = (evidence: Evidence, key: string) =>
	evidence.diagnostics.filter((d) => d.key === key);

describe('the valid fixture', () => {
	const evidence = check('valid');

	it('passes with no diagnostics', () => {
		expect(evidence.diagnostics).toEqual([]);
	});

	it('parses every raw entry (rawEntries equals parsedEntries)', () => {
		expect(evidence.counts.rawEntries).toBe(2);
		expect(evidence.counts.parsedEntries).toBe(evidence.counts.rawEntries);
		expect(evidence.counts).toMatchObject({ files: 1, facts: 2, pages: 2 });
	});

	it('counts only real citations: not e-mail, inline code, fenced code or HTML comments', () => {
		// page.mdx: [@smith2020exercise], then [@smith2020exercise; @jones2019trial];
		// notes.md: [@jones2019trial]. The keys in code and comments do not exist, so a citation
		// counted there would also be an unknown-citation diagnostic.
		expect(evidence.counts.citations).toBe(4);
	});

	it('decodes LaTeX accents and protective braces to Unicode, without any error', () => {
		const smith = evidence.library.entries.get('smith2020exercise')!;
		expect(smith.csl.author?.[0]?.family).toBe('Häberle');
		expect(smith.csl.title).toBe('Exercise for chronic pain after COVID-19: a randomised trial');
		// `{\'\i}` decodes to a dotless i plus a combining accent; normaliseText makes it "í".
		expect(normaliseText(smith.csl.author?.[1]?.family ?? '')).toBe('Garc\u00eda');
		expect(smith.csl.author?.[2]?.family).toBe('Smith');
	});

	it('formats the decoded names as precomposed Unicode', () => {
		const [reference] = formatReferences([evidence.library.entries.get('smith2020exercise')!]);
		expect(reference!.html).toContain('Häberle A, García J, Smith J.');
		expect(reference!.html).toContain('COVID-19');
		expect(reference!.html).not.toMatch(/[{}\\]/);
		expect(reference!.html).toBe(reference!.html.normalize('NFC'));
		expect(reference!.html).not.toContain('\u0131');
		expect(reference!.short).toBe(
			'Häberle A et al. 2020. Exercise for chronic pain after COVID-19: a randomised trial',
		);
	});

	it('does not flag a title with a colon after a plain word ("Real-world data: a cohort")', () => {
		expect(evidence.library.entries.get('jones2019trial')!.csl.title).toBe(
			'Real-world data: a cohort of test patients',
		);
	});
});

describe('1 malformed BibTeX', () => {
	it('names the line and key of an unbalanced brace, and still loads the other entries', () => {
		const evidence = check('malformed-unbalanced-brace');
		expectDiagnostic(only(evidence), {
			code: 'malformed-bibtex',
			file: 'references/library.bib',
			line: 11,
			column: 13,
			key: 'brown2021broken',
			message: 'opens a { that is never closed',
			hint: 'Add the missing `}` to the "title" field',
		});
		expect(evidence.library.all.length).toBe(2);
		expect(evidence.library.all.map((e) => e.key)).toEqual(['smith2020exercise', 'jones2019trial']);
	});

	it('names the missing comma between fields, and still loads the other entries', () => {
		const evidence = check('malformed-missing-comma');
		// Reported where the parser stops (the next field, line 12); the message names the field
		// and line (11) that need the comma.
		expectDiagnostic(only(evidence), {
			code: 'malformed-bibtex',
			file: 'references/library.bib',
			line: 12,
			column: 3,
			key: 'brown2021broken',
			message: 'A comma is missing after the field "title" (line 11)',
			hint: 'End the "title" field with a comma',
		});
		expect(evidence.library.all.length).toBe(2);
		expect(evidence.library.all.map((e) => e.key)).toEqual(['smith2020exercise', 'jones2019trial']);
	});

	it('names the line of an entry without a key, and still loads the other entries', () => {
		const evidence = check('malformed-no-key');
		expectDiagnostic(only(evidence), {
			code: 'malformed-bibtex',
			file: 'references/library.bib',
			line: 9,
			column: 1,
			key: null,
			message: 'has no key',
			hint: 'Write a key right after the opening brace',
		});
		expect(evidence.library.all.length).toBe(2);
		expect(evidence.library.all.map((e) => e.key)).toEqual(['smith2020exercise', 'jones2019trial']);
	});
});

describe('2 duplicate keys', () => {
	it('reports a key used twice in one file, naming both places', () => {
		const evidence = check('duplicate-key-same-file');
		expectDiagnostic(only(evidence), {
			code: 'duplicate-key',
			file: 'references/library.bib',
			line: 9,
			column: 1,
			key: 'smith2020exercise',
			message: 'already used at references/library.bib:1',
			hint: 'give this entry a different key',
		});
		// The first one read wins.
		expect(evidence.library.entries.get('smith2020exercise')!.line).toBe(1);
	});

	it('reports a key used in two files, naming both places', () => {
		const evidence = check('duplicate-key-two-files');
		expectDiagnostic(only(evidence), {
			code: 'duplicate-key',
			file: 'references/b.bib',
			line: 9,
			column: 1,
			key: 'smith2020exercise',
			message: 'already used at references/a.bib:3',
			hint: 'delete this copy',
		});
		expect(evidence.library.entries.get('smith2020exercise')!.file).toBe('references/a.bib');
	});
});

describe('3 unknown citation', () => {
	it('names the page, line and column, and suggests the nearest key', () => {
		const evidence = check('unknown-citation');
		const d = only(evidence);
		expectDiagnostic(d, {
			code: 'unknown-citation',
			file: 'content/page.md',
			line: 7,
			column: 53,
			key: 'smith2020exercize',
			message: 'Did you mean "smith2020exercise"?',
			hint: 'Fix the key',
		});
		// The column points at the `@` of the mistyped key.
		const source = readFileSync(`${fixture('unknown-citation')}content/page.md`, 'utf8');
		expect(source.split('\n')[d.line - 1]!.slice(d.column - 1)).toMatch(/^@smith2020exercize\]/);
		expect(evidence.counts.citations).toBe(2);
	});
});

describe('4 missing identifier', () => {
	it('reports an entry with neither DOI nor PMID', () => {
		expectDiagnostic(only(check('missing-identifier')), {
			code: 'missing-identifier',
			file: 'references/library.bib',
			line: 1,
			column: 1,
			key: 'smith2020exercise',
			hint: 'noidreason = {why}',
			message: 'neither a DOI nor a PMID',
		});
	});

	it('accepts the same entry with a noidreason field', () => {
		expect(check('no-identifier-reason').diagnostics).toEqual([]);
	});
});

describe('5 malformed identifiers', () => {
	const evidence = check('malformed-identifiers');

	it('reports nothing else in the fixture', () => {
		expect(evidence.diagnostics.map((d) => d.code)).toEqual([
			'malformed-doi',
			'malformed-doi',
			'malformed-pmid',
		]);
	});

	it('suggests the bare DOI for a DOI written as a URL', () => {
		expectDiagnostic(byKey(evidence, 'smith2020exercise')[0], {
			code: 'malformed-doi',
			file: 'references/library.bib',
			line: 6,
			column: 3,
			key: 'smith2020exercise',
			message: 'https://doi.org/10.1000/xyz',
			hint: 'Write the bare DOI: `doi = {10.1000/xyz},`',
		});
	});

	it('reports a DOI that does not start with 10.', () => {
		expectDiagnostic(byKey(evidence, 'brown2021trial')[0], {
			code: 'malformed-doi',
			file: 'references/library.bib',
			line: 14,
			column: 3,
			key: 'brown2021trial',
			message: '"11.22/x" is not a DOI',
			hint: 'Copy the DOI from the article page',
		});
	});

	it('reports a PMCID given as a PMID', () => {
		expectDiagnostic(byKey(evidence, 'jones2019trial')[0], {
			code: 'malformed-pmid',
			file: 'references/library.bib',
			line: 22,
			column: 3,
			key: 'jones2019trial',
			message: '"PMC123" is not a PubMed ID',
			hint: 'Copy the number from the PubMed record',
		});
	});
});

describe('6 unsafe URLs', () => {
	const evidence = check('unsafe-url');

	it('reports a javascript: url', () => {
		expectDiagnostic(byKey(evidence, 'smith2020exercise')[0], {
			code: 'unsafe-url',
			file: 'references/library.bib',
			line: 7,
			column: 3,
			key: 'smith2020exercise',
			message: 'javascript:alert(1)',
			hint: 'Use an https:// link',
		});
	});

	it('reports a data:text/html link in a note', () => {
		expectDiagnostic(byKey(evidence, 'brown2021trial')[0], {
			code: 'unsafe-url',
			file: 'references/library.bib',
			line: 16,
			column: 3,
			key: 'brown2021trial',
			message: 'data:text/',
			hint: 'only http(s) addresses in the `url` field are allowed',
		});
	});

	it('does not flag the title "Real-world data: a cohort"', () => {
		expect(byKey(evidence, 'jones2019trial')).toEqual([]);
		expect(evidence.diagnostics).toHaveLength(2);
	});
});

describe('7 HTML in a field', () => {
	it('reports a script tag in a title', () => {
		expectDiagnostic(only(check('html-in-field')), {
			code: 'html-in-field',
			file: 'references/library.bib',
			line: 3,
			column: 3,
			key: 'smith2020exercise',
			message: '"<script>"',
			hint: 'remove tags like <i> or <script>',
		});
	});
});

describe('8 missing required field', () => {
	it('names the missing journal of an @article', () => {
		expectDiagnostic(only(check('missing-field')), {
			code: 'missing-field',
			file: 'references/library.bib',
			line: 1,
			column: 1,
			key: 'smith2020exercise',
			message: 'no "journal" or "journaltitle" field',
			hint: 'Add `journal = {…},`',
		});
	});
});

describe('9 implausible year', () => {
	const evidence = check('implausible-year');

	it('reports a two-digit year and a year in the future, on the year lines', () => {
		expect(evidence.diagnostics).toHaveLength(2);
		expectDiagnostic(byKey(evidence, 'smith2020exercise')[0], {
			code: 'implausible-year',
			file: 'references/library.bib',
			line: 5,
			column: 3,
			key: 'smith2020exercise',
			message: 'The year "20"',
			hint: 'four digits',
		});
		expectDiagnostic(byKey(evidence, 'brown3020future')[0], {
			code: 'implausible-year',
			file: 'references/library.bib',
			line: 13,
			column: 3,
			key: 'brown3020future',
			message: 'The year "3020"',
			hint: 'four digits',
		});
	});
});

describe('10 duplicate identifiers', () => {
	const evidence = check('duplicate-identifier');

	it('reports the same DOI under two keys, ignoring case', () => {
		expectDiagnostic(byKey(evidence, 'smith2020exercisecopy')[0], {
			code: 'duplicate-identifier',
			file: 'references/library.bib',
			line: 15,
			column: 3,
			key: 'smith2020exercisecopy',
			message: 'also given for "smith2020exercise" (references/library.bib:1)',
			hint: 'cite "smith2020exercise" and delete this entry',
		});
	});

	it('reports the same PMID under two keys', () => {
		expectDiagnostic(byKey(evidence, 'smith2020pmidcopy')[0], {
			code: 'duplicate-identifier',
			file: 'references/library.bib',
			line: 23,
			column: 3,
			key: 'smith2020pmidcopy',
			message: /PMID 12345678 is also given for "smith2020exercise"/,
			hint: 'correct the PMID',
		});
		expect(evidence.diagnostics).toHaveLength(2);
	});
});

describe('11 facts and tables against the library', () => {
	const evidence = check('facts-mismatch');

	it('reports a facts file whose key is not in the library, suggesting the nearest key', () => {
		expectDiagnostic(byKey(evidence, 'smith2020exercize')[0], {
			code: 'facts-without-entry',
			file: 'references/facts/smith2020exercize.yaml',
			line: 2,
			column: 1,
			key: 'smith2020exercize',
			message: 'Did you mean "smith2020exercise"?',
			hint: 'fix the key to match its entry',
		});
	});

	it('reports an evidence table listing a library key that has no facts', () => {
		expectDiagnostic(byKey(evidence, 'jones2019trial')[0], {
			code: 'table-entry-without-facts',
			file: 'content/page.mdx',
			line: 7,
			column: 42,
			key: 'jones2019trial',
			hint: 'Add references/facts/jones2019trial.yaml',
		});
		expect(evidence.diagnostics).toHaveLength(2);
	});
});

describe('11 keys that need facts files: scanEvidenceTableKeys', () => {
	it('reads the keys of an ::evidence-table directive with their positions', () => {
		const source = 'Intro.\n\n::evidence-table{keys="a b,c" caption="x"}\n';
		expect(scanEvidenceTableKeys(source)).toEqual([
			{ key: 'a', line: 3, column: 24 },
			{ key: 'b', line: 3, column: 26 },
			{ key: 'c', line: 3, column: 28 },
		]);
	});

	it('reads the studies of frontmatter outcomes written as a flow list', () => {
		const source = [
			'---',
			'title: A condition',
			'outcomes:',
			'  - outcome: Pain at 1 week',
			'    studies: [smith2020exercise, jones2019trial]',
			'---',
			'',
			'Text.',
		].join('\n');
		expect(scanEvidenceTableKeys(source)).toEqual([
			{ key: 'smith2020exercise', line: 5, column: 15 },
			{ key: 'jones2019trial', line: 5, column: 34 },
		]);
	});

	it('reads the studies of frontmatter outcomes written as a block list', () => {
		const source = [
			'---',
			'title: A condition',
			'outcomes:',
			'  - outcome: Pain at 1 week',
			'    studies:',
			'      - smith2020exercise',
			'      - jones2019trial',
			'---',
			'',
			'Text.',
		].join('\n');
		expect(scanEvidenceTableKeys(source).map((k) => `${k.key} ${k.line}`)).toEqual([
			'smith2020exercise 6',
			'jones2019trial 7',
		]);
	});
});

describe('12 facts breaking their schema', () => {
	const evidence = check('invalid-facts');
	const hint = 'n as a positive whole number or null';

	it('reports an unknown design on its line', () => {
		expectDiagnostic(
			evidence.diagnostics.find((d) => d.key === 'smith2020exercise' && /"design"/.test(d.message)),
			{
				code: 'invalid-facts',
				file: 'references/facts/smith2020exercise.yaml',
				line: 6,
				key: 'smith2020exercise',
				hint,
			},
		);
	});

	it('reports n = 0 on its line', () => {
		expectDiagnostic(
			evidence.diagnostics.find((d) => d.key === 'smith2020exercise' && /"n"/.test(d.message)),
			{
				code: 'invalid-facts',
				file: 'references/facts/smith2020exercise.yaml',
				line: 7,
				key: 'smith2020exercise',
				hint,
			},
		);
	});

	it('reports an unknown condition on the line of the item', () => {
		expectDiagnostic(
			evidence.diagnostics.find((d) => d.key === 'jones2019trial' && /"conditions/.test(d.message)),
			{
				code: 'invalid-facts',
				file: 'references/facts/jones2019trial.yaml',
				line: 6,
				key: 'jones2019trial',
				hint,
			},
		);
	});

	it('reports n = 2.5 on its line', () => {
		expectDiagnostic(
			evidence.diagnostics.find((d) => d.key === 'jones2019trial' && /"n"/.test(d.message)),
			{
				code: 'invalid-facts',
				file: 'references/facts/jones2019trial.yaml',
				line: 8,
				key: 'jones2019trial',
				hint,
			},
		);
	});

	it('reports those four problems and nothing else, and keeps no invalid facts', () => {
		expect(evidence.diagnostics).toHaveLength(4);
		expect(evidence.counts.facts).toBe(0);
	});
});

describe('13 entries the parser would drop', () => {
	it('reads an @article that does not start a line, as BibTeX does (nothing dropped)', () => {
		// "Pasted from an e-mail: @article{lost2020entry," — BibTeX ignores the words before `@`.
		const evidence = check('dropped-entry');
		expect(evidence.counts.rawEntries).toBe(2);
		expect(evidence.counts.parsedEntries).toBe(2);
		expect(evidence.diagnostics).toEqual([]);
		expect(evidence.library.all.map((e) => e.key)).toEqual(['smith2020exercise', 'lost2020entry']);
		expect(evidence.library.entries.get('lost2020entry')!.line).toBe(9);
	});

	it('reports an entry citation-js returns nothing for, with its line and key', () => {
		const evidence = check('parser-dropped-entry');
		expectDiagnostic(byKey(evidence, 'brown2021trial')[0], {
			code: 'dropped-entry',
			file: 'references/library.bib',
			line: 9,
			column: 1,
			key: 'brown2021trial',
			message: 'so it would be lost',
			hint: 'compare it with an entry that works',
		});
	});

	it('still loads the other entries of a file when citation-js drops one', () => {
		const evidence = check('parser-dropped-entry');
		expect(evidence.library.all.map((e) => e.key)).toEqual(['smith2020exercise']);
		expect(evidence.diagnostics.map((d) => `${d.code} ${d.key ?? ''}`)).toEqual([
			'dropped-entry brown2021trial',
		]);
	});
});

describe('14 unreadable or empty library', () => {
	it('reports a .bib file that is not UTF-8, with the line of the bad byte', () => {
		const path = `${fixture('not-utf8')}references/library.bib`;
		// Guard the fixture itself: a latin-1 é (0xE9) on line 3, invalid as UTF-8.
		const bytes = readFileSync(path);
		expect(bytes.includes(0xe9)).toBe(true);
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		const evidence = check('not-utf8');
		expectDiagnostic(only(evidence), {
			code: 'not-utf8',
			file: 'references/library.bib',
			line: 3,
			key: null,
			message: 'not valid UTF-8',
			hint: 'Save the file as UTF-8',
		});
	});

	it('reports a project with no .bib file', () => {
		expectDiagnostic(only(check('empty-library')), {
			code: 'empty-library',
			file: 'references',
			line: 1,
			column: 1,
			key: null,
			message: 'no .bib file',
			hint: 'Add at least one BibTeX entry',
		});
	});

	it('reports a .bib file with comments but no entries', () => {
		const evidence = check('empty-library-no-entries');
		expectDiagnostic(only(evidence), {
			code: 'empty-library',
			file: 'references',
			line: 1,
			column: 1,
			key: null,
			message: 'hold no entries',
			hint: 'Add at least one BibTeX entry',
		});
		// The e-mail address in a `%` comment is neither an entry nor a problem.
		expect(evidence.counts.rawEntries).toBe(0);
	});
});

describe('every problem at once', () => {
	it('reports three different problems from one run, sorted by file and line', () => {
		const evidence = check('every-problem-at-once');
		expect(evidence.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.key}`)).toEqual([
			'content/page.md:5 unknown-citation smith2020exercize',
			'references/library.bib:5 implausible-year smith2020exercise',
			'references/library.bib:9 missing-identifier jones2019trial',
		]);
		for (const d of evidence.diagnostics) {
			expect(
				formatDiagnostic(d).startsWith(`${d.file}:${d.line}:${d.column} error [${d.code}]`),
			).toBe(true);
		}
	});
});
