/**
 * A fast first read of a YAML data file. `yaml`'s document parser keeps every node's position, which
 * diagnostics need, but it is slow: 990 facts files take it 385 ms, a third of a cold check. js-yaml
 * reads the same files in 94 ms without positions. So js-yaml reads each file first, and `yaml`
 * parses it again only where positions are needed (a file with a problem to report).
 *
 * Both paths must read a file alike, so js-yaml here resolves plain scalars with `yaml`'s own
 * core-schema tags (js-yaml's CORE_SCHEMA differs: it reads `0b11` and `+0x10` as numbers and `+.5`
 * as text). Files that use what the two parsers read differently, or what js-yaml accepts and `yaml`
 * reports as an error, are left to `yaml` alone (SLOW_PATH, hasUnsharedLine). Real data files need
 * none of it. tests/unit/evidence/yaml-fast.test.ts compares the two readings, including on
 * generated files.
 *
 * Kept because it pays on the 1,000-entry bench (`npm run bench`: its cold check as a command, 990
 * facts files), measured 2026-12-06 on the shared 2-core machine in two series of 7 alternating
 * runs: median CPU 2.66 s and 2.62 s with this reader against 3.06 s and 3.01 s with `yaml` alone
 * (ratio 0.86 and 0.87). That cold check takes about 1.9 s on an idle machine, so `yaml` alone
 * (about 2.2 s) would miss its 2 s goal. On the real library (99 facts files) it saves about 45 ms
 * (0.80 s against 0.84 s CPU, 9 runs each).
 */
import jsYaml from 'js-yaml';
import { Schema, isScalar } from 'yaml';

interface YamlScalarTag {
	tag: string;
	test?: RegExp;
	resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
}

/** js-yaml types, one per tag, that resolve plain scalars by `yaml`'s core-schema rules. */
function coreScalarTypes(): jsYaml.Type[] {
	const byTag = new Map<string, YamlScalarTag[]>();
	for (const tag of new Schema({ schema: 'core' }).tags as YamlScalarTag[]) {
		if (!tag.test) continue; // map, seq and str: no implicit resolution
		byTag.set(tag.tag, [...(byTag.get(tag.tag) ?? []), tag]);
	}
	// js-yaml keeps one type per tag name, so the int (or float) variants share one type.
	return [...byTag].map(
		([name, tags]) =>
			new jsYaml.Type(name, {
				kind: 'scalar',
				resolve: (data: string | null) => tags.some((t) => t.test!.test(data ?? '')),
				construct: (data: string | null) => {
					const text = data ?? '';
					const value = tags
						.find((t) => t.test!.test(text))!
						.resolve(text, () => {}, { intAsBigInt: false });
					// `yaml`'s float tag returns a Scalar node (to keep its number of decimals).
					return isScalar(value) ? value.value : value;
				},
			}),
	);
}

const schema = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: coreScalarTypes() });

/**
 * What sends a file to `yaml`. Each pattern also matches some ordinary text ("a *b*", "C#"), which
 * only costs that file the slow way; real facts files match none of them.
 */
const SLOW_PATH = new RegExp(
	[
		// A tag (`!x`), anchor (`&x`), alias (`*x`) or complex key (`? x`) where a node may start:
		// aliases expand, and only `yaml` limits that (the "billion laughs" guard in yaml-file.ts).
		String.raw`(?:^|[\s[{,:])[!&*?]`,
		// A tab in a line's indentation; a directive (`%YAML 1.1` changes how scalars read) or a
		// document marker; a carriage return that ends no line (`yaml` keeps it as text).
		String.raw`^ *\t`,
		String.raw`^\uFEFF?(?:%|---|\.\.\.)`,
		String.raw`\r(?!\n)`,
		// `#` not after white space: `yaml` requires the space before a comment.
		String.raw`[^\s]#`,
		// A flow mapping (`{...}`, which data files do not use), a line that starts with a flow
		// sequence (a key such as `[a, b]:`) or a null key (`~:`): the two parsers turn such keys
		// into different strings.
		String.raw`\{`,
		String.raw`^[ \t]*(?:-[ \t]+)*\[`,
		String.raw`^[ \t]*(?:-[ \t]+)*(?:~|null|Null|NULL)[ \t]*:`,
	].join('|'),
	'm',
);

/** `yaml` refuses implicit keys longer than this; js-yaml does not. */
const MAX_LINE = 1024;

/** Where the quoted text opening at `text[0]` ends on this line, or -1 if it goes on. */
function quoteEnd(text: string): number {
	const quote = text[0];
	for (let i = 1; i < text.length; i++) {
		if (quote === '"' && text[i] === '\\') i++;
		else if (text[i] === quote) {
			if (quote === "'" && text[i + 1] === "'") i++;
			else return i;
		}
	}
	return -1;
}

/** True when a quoted key or value on this line does not close on it. */
function quoteGoesOn(line: string): boolean {
	let rest = line.replace(/^[ \t]*(?:-[ \t]+)*/, '');
	if (rest[0] === '"' || rest[0] === "'") {
		const end = quoteEnd(rest);
		if (end < 0) return true;
		rest = rest.slice(end + 1);
	}
	const colon = /:(?:[ \t]+|$)/.exec(rest);
	if (!colon) return false;
	const value = rest.slice(colon.index + colon[0].length);
	return (value[0] === '"' || value[0] === "'") && quoteEnd(value) < 0;
}

/**
 * True when a line is longer than any key `yaml` accepts, a `[...]` spans lines, or a quoted text
 * goes on to the next line: `yaml` requires such later lines to be indented; js-yaml does not.
 */
function hasUnsharedLine(source: string): boolean {
	for (const line of source.split('\n')) {
		if (line.length > MAX_LINE) return true;
		let depth = 0;
		for (const char of line) {
			if (char === '[' || char === '{') depth++;
			else if (char === ']' || char === '}') depth--;
		}
		if (depth !== 0 || quoteGoesOn(line)) return true;
	}
	return false;
}

/**
 * The file's data as js-yaml reads it, or undefined when it is not a plain data file that both
 * parsers read alike, or js-yaml finds it invalid (a duplicate key, a syntax error): then `yaml`
 * must parse it to report where.
 */
export function fastYamlData(source: string): { value: unknown } | undefined {
	if (SLOW_PATH.test(source) || hasUnsharedLine(source)) return undefined;
	try {
		// An empty document is null to `yaml`, undefined to js-yaml.
		return { value: jsYaml.load(source, { schema }) ?? null };
	} catch {
		return undefined;
	}
}
