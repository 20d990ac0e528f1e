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
import { checkProject } from '../../../src/lib/evidence/check-project.ts';
import type { Diagnostic } from '../../../src/lib/evidence/diagnostics.ts';

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
