/**
 * The whole BibTeX language as exporters write it (`@string`, `#`, `@preamble`, `@comment`,
 * parenthesised entries, quoted values, any letter case, `crossref`, every `.bib` file under
 * references/), the errors for what cannot be read, and the checks of meaning (facts for every cited
 * study, likely duplicates). Each fixture is in tests/fixtures/evidence/<scenario>/; cases that git
 * cannot hold (a folder or broken link named `x.bib`, UTF-16 bytes) are built in a temporary folder.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject, type Evidence } from '../../../src/engine/check/check-project.ts';
import { formatDiagnostic, type Diagnostic } from '../../../src/engine/problems/diagnostics.ts';
import { formatReferences } from '../../../src/engine/render/format.ts';
import { loadBibtexText } from '../../../src/engine/read/library.ts';
import { findClusters } from '../../../src/engine/read/citations.ts';
import { nearTitle } from '../../../src/engine/check/record-compare.ts';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../fixtures/evidence/${name}/`, import.meta.url));
const check = (name: string): Evidence => checkProject({ root: fixture(name) });
const summary = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.key ?? '-'}`;

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** A copy of the `valid` fixture in a temporary folder, to add what git cannot store. */
function scratchProject(): string {
	const dir = mkdtempSync(join(tmpdir(), 'kpe-evidence-'));
	temporary.push(dir);
	cpSync(fixture('valid'), dir, { recursive: true });
	return dir;
}

describe('the BibTeX language as exports write it (fixture bibtex-language)', () => {
	const evidence = check('bibtex-language');
	const csl = (key: string) => evidence.library.entries.get(key)!.csl;

	it('reads every construct without a problem, and loads every entry of every file', () => {
		expect(evidence.diagnostics.map(summary)).toEqual([]);
		expect(evidence.counts).toMatchObject({ files: 2, rawEntries: 5, parsedEntries: 5 });
		expect(evidence.library.files).toEqual([
			'references/library.bib',
			'references/zotero/Export.BIB',
		]);
	});

	it('publishes the value of an @string macro, alone and joined with #', () => {
		expect(csl('smith_ketamine_2020')['container-title']).toBe('Journal of Pain');
		expect(csl('oconnor_low-dose_2021')['container-title']).toBe(
			'Clinical Journal of Pain Reports',
		);
		expect(csl('PainConf2019').publisher).toBe('Pain Press');
		const [reference] = formatReferences([evidence.library.entries.get('smith_ketamine_2020')!]);
		expect(reference!.html).toContain('Journal of Pain');
		expect(reference!.html).not.toContain('jpain');
	});

	it('reads month macros, quoted values, bare numbers and any letter case', () => {
		expect(csl('smith_ketamine_2020').issued?.['date-parts']).toEqual([[2020, 3]]);
		expect(csl('smith_ketamine_2020').title).toBe('Ketamine for CRPS: a trial');
		expect(csl('smith_ketamine_2020').author?.map((a) => a.family)).toEqual(['Smith', 'Doe']);
		expect(evidence.library.entries.get('smith_ketamine_2020')!.scanned.type).toBe('article');
	});

	it('reads a parenthesised entry', () => {
		expect(csl('oconnor_low-dose_2021').PMID).toBe('12345678');
	});

	it('loads nothing inside @comment and prints no @preamble', () => {
		expect(evidence.library.entries.has('commented2020out')).toBe(false);
		expect(evidence.library.comments).toBe(1);
		expect(evidence.library.preambles).toBe(1);
		const html = formatReferences(evidence.library.all)
			.map((r) => r.html)
			.join('\n');
		expect(html).not.toContain('PREAMBLE');
		expect(html).not.toContain('noopsort');
	});

	it('inherits from the crossref parent before the required-field checks (booktitle, year)', () => {
		const lee = evidence.library.entries.get('Lee2019Abstract')!;
		expect(lee.csl['container-title']).toBe('Proceedings of the Pain Conference 2019');
		expect(lee.csl.issued?.['date-parts']?.[0]?.[0]).toBe(2019);
		// Its own DOI, not the volume's (identifiers are never inherited).
		expect(lee.csl.DOI).toBe('10.1000/abc789');
	});

	it('reads a .BIB file in a subfolder (Zotero export) with Better BibTeX keys', () => {
		expect(csl('mueller_schmerz_2018').author?.[0]?.family).toBe('Müller');
		expect(evidence.library.entries.get('mueller_schmerz_2018')!.file).toBe(
			'references/zotero/Export.BIB',
		);
	});

	it('reads `[@a ; @ b]` as a citation of a and b', () => {
		expect(findClusters('x [@a ; @ b] y').map((c) => c.keys)).toEqual([['a', 'b']]);
		expect(evidence.counts.citations).toBe(4);
	});
});

describe('new BibTeX errors (fixture bibtex-errors)', () => {
	const evidence = check('bibtex-errors');

	it('reports each problem once, at file:line:column, with a fix', () => {
		expect(evidence.diagnostics.map(summary)).toEqual([
			'content/page.md:5:11 unreadable-citation -',
			'content/page.md:5:66 unreadable-citation -',
			'content/page.md:7:17 unreadable-citation -',
			'references/library.bib:1:1 unknown-entry-type smith2020exercise',
			'references/library.bib:12:3 duplicate-field jones2019trial',
			'references/library.bib:18:10 invalid-key müller2020schmerz',
			'references/library.bib:26:10 invalid-key brown/2021',
			'references/library.bib:34:10 invalid-key evil..key',
			'references/library.bib:45:13 unknown-macro macro2021typo',
			'references/library.bib:53:3 unknown-crossref orphan2021abstract',
		]);
		for (const d of evidence.diagnostics) {
			expect(formatDiagnostic(d)).toContain(`see: CONTRIBUTING.md#${d.code}`);
			expect(d.hint.length).toBeGreaterThan(10);
		}
	});

	const find = (code: string, key?: string) =>
		evidence.diagnostics.find((d) => d.code === code && (key === undefined || d.key === key))!;

	it('suggests the nearest valid entry type', () => {
		expect(find('unknown-entry-type').message).toContain('Did you mean "article"?');
		expect(find('unknown-entry-type').hint).toContain('@article{smith2020exercise,');
	});

	it('names both lines of a field given twice, and publishes the first', () => {
		expect(find('duplicate-field').message).toContain('first at line 11');
		expect(evidence.library.entries.get('jones2019trial')!.csl.title).toBe('A first title');
	});

	it('suggests the key to use for non-ASCII letters, "/" and ".."', () => {
		expect(find('invalid-key', 'müller2020schmerz').hint).toContain('`muller2020schmerz`');
		expect(find('invalid-key', 'brown/2021').hint).toContain('`brown_2021`');
		expect(find('invalid-key', 'evil..key').hint).toContain('`evil.key`');
	});

	it('suggests the defined macro nearest an undefined one', () => {
		expect(find('unknown-macro').message).toContain('Did you mean "jpain"?');
	});

	it('reports a citation the scanner cannot read instead of leaving it as text', () => {
		const [locator, prefix, accented] = evidence.diagnostics.filter(
			(d) => d.code === 'unreadable-citation',
		);
		// Pandoc's prefixes and locators are read (tests/unit/pandoc-citations.test.ts); a page after
		// two keys, or a page without its comma, is not.
		expect(locator!.message).toContain('[@smith2020exercise; @jones2019trial, p. 4]');
		expect(locator!.hint).toContain('`[@smith2020exercise; @jones2019trial]`');
		expect(prefix!.hint).toContain('`[@key, p. 4]`');
		expect(accented!.message).toContain('"müller2020schmerz" holds characters');
	});

	it('names the missing crossref parent', () => {
		expect(find('unknown-crossref').message).toContain('"PainConf2091"');
	});
});

describe('files the loader cannot read as UTF-8 BibTeX', () => {
	const entry =
		'@article{smith2020exercise,\n  author = {Smith, John},\n  title = {Exercise},\n  journal = {J},\n  year = {2020},\n  doi = {10.1000/xyz123}\n}\n';
	const utf16 = (text: string, endian: 'le' | 'be', bom: boolean) => {
		const le = Buffer.from(text, 'utf16le');
		const bytes = endian === 'le' ? le : Buffer.from(le.map((_, i) => le[i ^ 1]!));
		const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
		return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
	};

	it.each([
		['le', true, 'UTF-16LE (with a byte-order mark)'],
		['le', false, 'UTF-16LE (without a byte-order mark)'],
		['be', true, 'UTF-16BE (with a byte-order mark)'],
	] as const)(
		'detects UTF-16 %s (BOM: %s), names it, gives the fix and still counts the entry',
		(endian, bom, said) => {
			const dir = scratchProject();
			writeFileSync(join(dir, 'references/library.bib'), utf16(entry, endian, bom));
			const evidence = checkProject({ root: dir });
			const d = evidence.diagnostics.find((x) => x.code === 'not-utf8')!;
			expect(summary(d)).toBe('references/library.bib:1:1 not-utf8 -');
			expect(d.message).toContain(said);
			expect(d.hint).toContain('iconv -f UTF-16');
			expect(evidence.counts.rawEntries).toBe(1);
			expect(evidence.counts.parsedEntries).toBe(1);
		},
	);

	it('accepts UTF-8 with a byte-order mark', () => {
		const dir = scratchProject();
		writeFileSync(
			join(dir, 'references/library.bib'),
			Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(entry)]),
		);
		const evidence = checkProject({ root: dir });
		expect(evidence.diagnostics.filter((d) => d.code === 'not-utf8')).toEqual([]);
		expect(evidence.library.entries.has('smith2020exercise')).toBe(true);
	});

	it('reports a folder named x.bib by its name, without a stack trace', () => {
		const dir = scratchProject();
		mkdirSync(join(dir, 'references/x.bib'));
		const evidence = checkProject({ root: dir });
		const d = evidence.diagnostics.find((x) => x.code === 'unreadable-file')!;
		expect(summary(d)).toBe('references/x.bib:1:1 unreadable-file -');
		expect(d.message).toContain('is a folder');
	});

	it('reports a broken symbolic link named x.bib by its name', () => {
		const dir = scratchProject();
		symlinkSync(join(dir, 'nowhere.bib'), join(dir, 'references/broken.bib'));
		const evidence = checkProject({ root: dir });
		const d = evidence.diagnostics.find((x) => x.code === 'unreadable-file')!;
		expect(summary(d)).toBe('references/broken.bib:1:1 unreadable-file -');
		expect(d.message).toContain('link to a file that does not exist');
	});

	it('reports a folder named x.yaml among the facts by its name', () => {
		const dir = scratchProject();
		mkdirSync(join(dir, 'references/facts/folder.yaml'));
		const evidence = checkProject({ root: dir });
		expect(evidence.diagnostics.map(summary)).toEqual([
			'references/facts/folder.yaml:1:1 invalid-facts folder',
		]);
		expect(evidence.diagnostics[0]!.message).toContain('it is a folder');
	});

	it('reports a YAML alias bomb in a facts file at that file', () => {
		const dir = scratchProject();
		const bomb = [
			'a: &a ["x","x","x","x","x","x","x","x","x"]',
			'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
			'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
			'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
			'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
			'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
		].join('\n');
		writeFileSync(join(dir, 'references/facts/jones2019trial.yaml'), bomb);
		const evidence = checkProject({ root: dir });
		expect(evidence.diagnostics.map(summary)).toEqual([
			'references/facts/jones2019trial.yaml:1:1 invalid-facts jones2019trial',
		]);
		expect(evidence.diagnostics[0]!.message).toMatch(/alias/i);
	});

	it('reports a wrong type in a facts file alone, with no misleading "has no facts file"', () => {
		const dir = scratchProject();
		writeFileSync(
			join(dir, 'references/facts/jones2019trial.yaml'),
			'key: jones2019trial\nverified: true\ndesign: rct\nn: "twenty"\n',
		);
		writeFileSync(
			join(dir, 'content/table.mdx'),
			'---\ntitle: T\n---\n\n::evidence-table{keys="smith2020exercise jones2019trial"}\n',
		);
		const evidence = checkProject({ root: dir });
		expect(evidence.diagnostics.map(summary)).toEqual([
			'references/facts/jones2019trial.yaml:4:4 invalid-facts jones2019trial',
		]);
	});
});

describe('citations the page scanner must see (fixture jsx-citations)', () => {
	it('finds citations inside JSX components and HTML-like blocks of an MDX page with directives', () => {
		expect(check('jsx-citations').diagnostics.map(summary)).toEqual([
			'content/page.mdx:8:43 unknown-citation smith2020exercize',
			'content/page.mdx:16:24 unknown-citation jones2019trail',
		]);
	});
});

describe('citations in claims and the glossary', () => {
	it('reports a bracket the scanner cannot read in a claim explanation or a glossary definition', () => {
		const dir = scratchProject();
		mkdirSync(join(dir, 'content/claims'), { recursive: true });
		writeFileSync(
			join(dir, 'content/claims/01-x.yaml'),
			'id: x\norder: 1\nclaim: Ketamine cures pain.\nverdict: not-supported\ncertainty: low\n' +
				'explanation: One trial disagrees [@smith2020exercise] [see @jones2019trial].\n' +
				'answer: Trials do not show it.\n',
		);
		writeFileSync(
			join(dir, 'content/glossary.yaml'),
			'- id: nmda\n  term: NMDA receptor\n  definition: A receptor ketamine blocks [@smith2020exercise, p. 2].\n',
		);
		const evidence = checkProject({ root: dir });
		expect(
			evidence.diagnostics.filter((d) => d.code === 'unreadable-citation').map(summary),
		).toEqual([
			'content/claims/01-x.yaml:6:14 unreadable-citation -',
			'content/glossary.yaml:3:15 unreadable-citation -',
		]);
	});
});

describe('pages the scanner cannot parse', () => {
	it('reports an MDX page that does not parse at its line, instead of scanning it as something else', () => {
		const dir = scratchProject();
		writeFileSync(
			join(dir, 'content/broken.mdx'),
			'---\ntitle: Broken\n---\n\nText [@smith2020exercise].\n\n<Aside>\nUnclosed component [@jones2019trial].\n',
		);
		const evidence = checkProject({ root: dir });
		const d = evidence.diagnostics.find((x) => x.code === 'unreadable-page')!;
		expect(d.file).toBe('content/broken.mdx');
		expect(d.line).toBeGreaterThanOrEqual(7);
		expect(d.message).toContain('cannot be read as MDX');
		expect(evidence.diagnostics.map((x) => x.code)).toEqual(['unreadable-page']);
	});
});

describe('checks of meaning (fixture meaning-checks)', () => {
	const evidence = check('meaning-checks');

	it('reports a cited study without facts and a likely duplicate under another key', () => {
		expect(evidence.diagnostics.map(summary)).toEqual([
			'content/page.md:5:59 cited-without-facts jones2019trial',
			'references/library.bib:9:1 likely-duplicate smith2020exercisefor',
		]);
	});

	it('shows the facts file to write, which fails the check until filled in', () => {
		const d = evidence.diagnostics.find((x) => x.code === 'cited-without-facts')!;
		expect(d.hint).toContain('references/facts/jones2019trial.yaml');
		expect(d.hint).toContain('key: jones2019trial');
		expect(d.hint).toContain('design: TODO');
	});

	it('names both entries of a likely duplicate', () => {
		const d = evidence.diagnostics.find((x) => x.code === 'likely-duplicate')!;
		expect(d.message).toContain('"smith2020exercisefor"');
		expect(d.message).toContain('"smith2020exercise" (references/library.bib:1)');
	});
});

// Modest, so the file runs in about a second.
const RUNS = { numRuns: 60 };

describe('no entry is ever dropped (property over generated files mixing every construct)', () => {
	const word = fc.stringMatching(/^[A-Za-z][a-z0-9]{0,8}$/);
	const keyArb = fc
		.tuple(
			word,
			fc.constantFrom('_', '-', ':', '.', ''),
			word,
			fc.integer({ min: 1900, max: 2025 }),
		)
		.map(([a, sep, b, year]) => `${a}${sep}${b}_${year}`);
	const caseOf = (s: string) =>
		fc.constantFrom(s, s.toUpperCase(), s[0]!.toUpperCase() + s.slice(1));
	/** A value as a literal, written braced or quoted, or split with `#` through a macro. */
	const valueArb = fc.record({
		text: fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')),
		form: fc.constantFrom('braced', 'quoted', 'macro', 'concat'),
	});
	const entryArb = fc.record({
		key: keyArb,
		type: fc.constantFrom('article', 'misc', 'report', 'online').chain(caseOf),
		paren: fc.boolean(),
		title: valueArb,
		journal: valueArb,
		titleName: caseOf('title'),
		before: fc.constantFrom(
			'',
			'Some notes someone@example.org wrote.\n',
			'@comment{ @article{ghost2020, title = {Ghost}} }\n',
			'@preamble{"\\noopsort{a}"}\n',
			'% A line comment\n',
		),
	});

	it('parses exactly the entries generated, with their keys and macro-resolved values', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(entryArb, {
					selector: (e) => e.key.toLowerCase(),
					minLength: 1,
					maxLength: 8,
				}),
				(entries) => {
					const macros: string[] = [];
					const write = (v: { text: string; form: string }, id: string) => {
						if (v.form === 'braced') return `{${v.text}}`;
						if (v.form === 'quoted') return `"${v.text}"`;
						macros.push(`@string{${id} = {${v.text}}}`);
						return v.form === 'macro' ? id : `{} # ${id} # ""`;
					};
					const body = entries
						.map((e, i) => {
							const [open, close] = e.paren ? ['(', ')'] : ['{', '}'];
							return [
								e.before,
								`@${e.type}${open}${e.key},`,
								'  author = {Smith, John},',
								`  ${e.titleName} = ${write(e.title, `t${i}`)},`,
								`  journal = ${write(e.journal, `j${i}`)},`,
								'  year = 2020,',
								'  url = {https://example.org/x},',
								`  doi = {10.1000/x${i}}`,
								close,
							].join('\n');
						})
						.join('\n\n');
					const text = `${macros.join('\n')}\n\n${body}\n`;
					const result = loadBibtexText('references/library.bib', text);
					expect(result.diagnostics).toEqual([]);
					expect(result.openings).toBe(entries.length);
					expect(result.entries).toHaveLength(entries.length);
					expect(result.entries.map((e) => e.key)).toEqual(entries.map((e) => e.key));
					expect(result.entries.map((e) => e.csl.title)).toEqual(entries.map((e) => e.title.text));
					expect(result.entries.map((e) => e.csl['container-title'])).toEqual(
						entries.map((e) => e.journal.text),
					);
				},
			),
			RUNS,
		);
	});

	it('accounts for every entry when some are broken: loaded + reported = entries in the file', () => {
		const broken = fc.constantFrom(
			(k: string) => `@article{${k},\n  title = {Unclosed,\n  year = {2020}\n}`,
			(k: string) => `@article{${k},\n  title = {T}\n  year = {2020}\n}`,
			(k: string) => `@article{${k}\n  title = {T}\n}`,
		);
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.tuple(keyArb, fc.option(broken, { freq: 3 })), {
					selector: ([k]) => k.toLowerCase(),
					minLength: 1,
					maxLength: 8,
				}),
				(items) => {
					const text = items
						.map(([key, breakIt]) =>
							breakIt
								? breakIt(key)
								: `@article{${key},\n  title = {T},\n  year = {2020},\n  doi = {10.1000/${key}}\n}`,
						)
						.join('\n\n');
					const result = loadBibtexText('references/library.bib', text);
					expect(result.openings).toBe(items.length);
					const reported = new Set(result.diagnostics.map((d) => d.key));
					for (const [key] of items) {
						const loaded = result.entries.some((e) => e.key === key);
						expect(loaded || reported.has(key), key).toBe(true);
					}
				},
			),
			RUNS,
		);
	});
});

describe('likely duplicates are about the same study only', () => {
	it('does not pair titles that differ only in their numbers (part 1 and part 2)', () => {
		expect(
			nearTitle('ketamine for pain a review part 1', 'ketamine for pain a review part 2'),
		).toBe(false);
		expect(
			nearTitle(
				'ketamine for chronic pain a randomised trial',
				'ketamine for chronic pain a randomized trial',
			),
		).toBe(true);
	});
});
