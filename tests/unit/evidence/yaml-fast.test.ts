/**
 * The fast YAML reader (js-yaml) must read every file exactly as `yaml` does, since a file takes
 * one path or the other depending on what it contains; and where it cannot vouch for a file it must
 * step aside, so that `yaml` reports the problem at its line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { fastYamlData } from '../../../src/engine/read/yaml-fast.ts';
import { studyFactsSchema } from '../../../src/engine/read/facts-schema.ts';
import { checkYamlText } from '../../../src/engine/read/yaml-file.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** JSON that keeps what JSON would lose (NaN, infinities, -0), so the two readings compare fully. */
const exact = (value: unknown) =>
	JSON.stringify(value, (_key, v: unknown) =>
		typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `number:${v}` : v,
	);

/** Plain scalars on which YAML parsers are known to disagree, and the ordinary ones. */
const SCALARS = [
	...['1_000', '0x1F', '0o17', '017', '0b11', '0o8', '08', '09.5', '+0x10', '-1_0', '0x'],
	...[
		'.inf',
		'-.Inf',
		'.NaN',
		'1e3',
		'1E3',
		'+1',
		'-0',
		'.5',
		'5.',
		'1.0',
		'+.5',
		'0.1e-3',
		'1.5e',
	],
	...[
		'~',
		'null',
		'Null',
		'NULL',
		'',
		'yes',
		'Yes',
		'no',
		'on',
		'off',
		'true',
		'True',
		'TRUE',
		'tRue',
	],
	...['2024-01-01', '2024-01-01T10:00:00Z', '12:30', '1:20:30', '<<', '=', 'a #b', 'a#b', '"x" #c'],
	...['"a\\x41"', "'it''s'", '"\\u00e9"', '"\\/"', '"\\N"', '"\\_"', '"\\L"', '"tab\\there"'],
	...['123456789012345678901234567890', '0xFFFFFFFFFFFFFFFFFF', '[1, a, "b"]', '{a: 1}'],
	...[
		'|\n  a\n  b\n',
		'>\n  a\n  b\n\n  c\n',
		'|-\n  a\n',
		'>+\n  a\n\n',
		'\n  - 1\n  - null\n  -\n',
	],
];

describe('fastYamlData', () => {
	it.each(SCALARS)('reads `v: %s` as yaml does, or leaves it to yaml', (scalar) => {
		const source = `v: ${scalar}\n`;
		const read = fastYamlData(source);
		if (read) expect(exact(read.value)).toBe(exact(parse(source)));
	});

	it('reads nearly all of those scalars itself', () => {
		const fast = SCALARS.filter((scalar) => fastYamlData(`v: ${scalar}\n`)).length;
		expect(fast).toBeGreaterThan(SCALARS.length * 0.9);
	});

	it('reads every YAML data file in the project as yaml does', () => {
		const files = [
			...readdirSync(join(ROOT, 'references/facts')).map((n) => join('references/facts', n)),
			...readdirSync(join(ROOT, 'content/claims')).map((n) => join('content/claims', n)),
			'content/glossary.yaml',
		].filter((f) => /\.ya?ml$/.test(f));
		expect(files.length).toBeGreaterThan(100);
		let fast = 0;
		for (const file of files) {
			const source = readFileSync(join(ROOT, file), 'utf8');
			const read = fastYamlData(source);
			if (!read) continue;
			fast++;
			expect(exact(read.value), file).toBe(exact(parse(source)));
		}
		// The point of the fast path: nearly every real file takes it.
		expect(fast).toBeGreaterThan(files.length * 0.9);
	});

	it('reads generated files as yaml does, and takes none that yaml finds invalid', () => {
		// Lines of `key: value` at random indents, the values drawn from YAML's indicator characters:
		// most of these files are invalid or use syntax left to yaml; those the fast path takes must
		// read the same, and must be valid to yaml. (300,000 runs found no difference; 2,000 here.)
		const value = fc.stringMatching(/^[\w .:+~#'"[\]{},!&*?|>%@`\\\n\t\r-]{0,16}$/);
		const line = fc.tuple(fc.stringMatching(/^[a-z~'"]{1,4}$/), value, fc.nat(3));
		let taken = 0;
		fc.assert(
			fc.property(fc.array(line), (lines) => {
				const source = lines.map(([k, v, indent]) => `${' '.repeat(indent)}${k}: ${v}`).join('\n');
				const read = fastYamlData(source);
				if (!read) return;
				taken++;
				const doc = parseDocument(source);
				expect(doc.errors.map((e) => e.message)).toEqual([]);
				expect(exact(read.value)).toBe(exact(doc.toJS({ maxAliasCount: 100 })));
			}),
			{ numRuns: 2000 },
		);
		expect(taken).toBeGreaterThan(50);
	});

	it.each([
		['a tag', 'n: !!str 5\n'],
		['an anchor and an alias', 'a: &x 1\nb: *x\n'],
		['a complex key', '? [a, b]\n: 1\n'],
		['a duplicate key', 'a: 1\na: 2\n'],
		['a syntax error', 'a: [1, 2\n'],
		['two documents', 'a: 1\n---\nb: 2\n'],
		['a tab in the indentation', 'vh: \n\t'],
		// Found in review: each read differently, or accepted by js-yaml where yaml reports an error.
		['a %YAML 1.1 directive (scalars read by other rules)', '%YAML 1.1\n---\na: 010\nb: yes\n'],
		['the same after a byte-order mark', '\uFEFF%YAML 1.1\n---\na: 010\n'],
		['an alias right after a quoted key', '{"x":&b [1], "y":*b}\n'],
		['a carriage return that ends no line', '# Facts\rroute: oral\nn: 1\n'],
		['a comment not after a space', 'caveats: "text"#todo\n'],
		['a flow list over two lines', 'conditions: [migraine,\nfibromyalgia]\n'],
		['a document marker with content', '--- a: 1\n'],
		['a document marker glued to a key', '---a: 1\n'],
		['a null key', 'null: x\n'],
		['a flow key', '[a, b]: x\n'],
		['a null key in a flow mapping', 'm: {~}\n'],
		['a quoted value going on to an unindented line', 'a: "one\ntwo"\n'],
		['the same in single quotes', "a: 'it''s\nb'\n"],
		['a key longer than yaml allows', `${'k'.repeat(1100)}: 1\n`],
	])('leaves %s to yaml', (_label, source) => {
		expect(fastYamlData(source)).toBeUndefined();
	});
});

describe('checkYamlText', () => {
	const options = {
		code: 'invalid-facts' as const,
		key: 'smith2020',
		identifierFields: ['key', 'sources'],
		yamlHint: 'yaml hint',
		schemaHint: 'schema hint',
	};
	const valid = readFileSync(join(ROOT, 'references/facts', 'afridi2013randomized.yaml'), 'utf8');

	it('reports a schema problem at its line, though js-yaml read the file', () => {
		const source = valid.replace(/^n: \d+$/m, 'n: many');
		expect(fastYamlData(source)).toBeDefined();
		const line = source.split('\n').findIndex((l) => l === 'n: many') + 1;
		const read = checkYamlText(source, 'f.yaml', studyFactsSchema, options);
		expect(read.data).toBeUndefined();
		expect(read.diagnostics.map((d) => [d.line, d.message.split(':')[0]])).toEqual([
			[line, 'Field "n"'],
		]);
	});

	it('gives positions on request for a file read the fast way', () => {
		const read = checkYamlText(valid, 'f.yaml', studyFactsSchema, options);
		expect(read.diagnostics).toEqual([]);
		const keyLine = valid.split('\n').findIndex((l) => l.startsWith('key:')) + 1;
		expect(read.positionOf(['key'])).toEqual({ line: keyLine, column: 6 });
	});
});
