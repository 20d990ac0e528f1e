/**
 * A fast first read of a YAML data file. `yaml`'s document parser keeps every node's position, which
 * diagnostics need, but it is slow: 990 facts files take it 385 ms, a third of a cold check. js-yaml
 * reads the same files in 94 ms without positions. So js-yaml reads each file first, and `yaml`
 * parses it again only where positions are needed (a file with a problem to report).
 *
 * Both paths must read a file alike, so js-yaml here resolves plain scalars with `yaml`'s own
 * core-schema tags (js-yaml's CORE_SCHEMA differs: it reads `0b11` and `+0x10` as numbers and `+.5`
 * as text). Files that use what the two parsers may treat differently (tags, anchors, aliases,
 * complex keys, tabs in indentation) are left to `yaml` alone. js-yaml is laxer than `yaml` in a few
 * corners (a quoted text whose next line is not indented, `#` not preceded by a space inside `[...]`):
 * such a file is read as js-yaml reads it, and its data must still pass the schema.
 * tests/unit/evidence/yaml-fast.test.ts compares the two readings.
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
 * A tag (`!x`), anchor (`&x`), alias (`*x`) or complex key (`? x`) where a node may start, or a tab
 * in a line's indentation. Matches some plain text too ("a *b*"), which only sends that file the
 * slow way.
 */
const UNSHARED_SYNTAX = /(?:^|[\s[{,])[!&*?]|^ *\t/m;

/**
 * The file's data as js-yaml reads it, or undefined when it is not a plain data file that both
 * parsers read alike, or js-yaml finds it invalid (a duplicate key, a syntax error): then `yaml`
 * must parse it to report where.
 */
export function fastYamlData(source: string): { value: unknown } | undefined {
	if (UNSHARED_SYNTAX.test(source)) return undefined;
	try {
		// An empty document is null to `yaml`, undefined to js-yaml.
		return { value: jsYaml.load(source, { schema }) ?? null };
	} catch {
		return undefined;
	}
}
