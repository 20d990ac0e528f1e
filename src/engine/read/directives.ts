/**
 * The directives a page may use (`::evidence-table{condition="crps"}` and friends): which exist,
 * which attributes each takes, and what values those may have. Pages are parsed by Sätteri (the
 * build's own Markdown parser), so the checks see exactly the directives the build renders: none
 * inside code, and those inside JSX components too.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { CONDITIONS, TOPIC_PAGES } from './taxonomy.ts';
import { DESIGNS } from './facts-schema.ts';
import { nearestKeys, suggestion } from '../problems/nearest-keys.ts';

export const DIRECTIVE_NAMES = [
	'evidence-table',
	'summary-of-findings',
	'protocol-table',
	'clinic-claims',
	'claims-for',
	'glossary',
	'icon-array',
] as const;
export type DirectiveName = (typeof DIRECTIVE_NAMES)[number];

/** `keys` are checked with each key's own position by `scanEvidenceTableKeys` (check-project.ts). */
type Value = 'text' | 'keys' | { oneOf: readonly string[]; list?: boolean };

/** Attributes each directive takes; the value rule says what it may hold. */
const ATTRIBUTES: Record<DirectiveName, Record<string, Value>> = {
	'evidence-table': {
		caption: 'text',
		condition: { oneOf: CONDITIONS },
		keys: 'keys',
		designs: { oneOf: DESIGNS, list: true },
	},
	'summary-of-findings': { caption: 'text' },
	'protocol-table': { caption: 'text' },
	'clinic-claims': {},
	'claims-for': { condition: { oneOf: CONDITIONS }, topic: { oneOf: TOPIC_PAGES } },
	glossary: {},
	// `outcome` is the row's number in the frontmatter `outcomes` (1 = first); checked against them
	// by check-project.ts. `caption` replaces the sentence made from the facts (plain-language layer).
	'icon-array': { outcome: 'text', caption: 'text' },
};

export interface DirectiveUse {
	name: string;
	attributes: Record<string, string>;
	line: number;
	column: number;
}

export interface DirectiveProblem {
	message: string;
	hint: string;
}

/** Leaf directives (`::name{…}` alone on a line) as Sätteri parses the page body. */
export function findDirectives(body: string, format: 'md' | 'mdx'): DirectiveUse[] {
	const parse = format === 'mdx' ? mdxToMdast : markdownToMdast;
	return directivesIn(parse(body, { features: { directive: true }, position: true }));
}

/** Leaf directives in a page Sätteri has already parsed (the checks parse each page once). */
export function directivesIn(tree: unknown): DirectiveUse[] {
	const out: DirectiveUse[] = [];
	const visit = (node: MdastLike) => {
		if (node.type === 'leafDirective' && node.name) {
			const attributes: Record<string, string> = {};
			for (const [name, value] of Object.entries(node.attributes ?? {}))
				if (typeof value === 'string') attributes[name] = value;
			out.push({
				name: node.name,
				attributes,
				line: node.position?.start.line ?? 1,
				column: node.position?.start.column ?? 1,
			});
		}
		node.children?.forEach(visit);
	};
	visit(tree as MdastLike);
	return out;
}

interface MdastLike {
	type: string;
	name?: string;
	attributes?: Record<string, unknown> | null;
	position?: { start: { line: number; column: number } };
	children?: MdastLike[];
}

export function isDirectiveName(name: string): name is DirectiveName {
	return (DIRECTIVE_NAMES as readonly string[]).includes(name);
}

/**
 * What is wrong with one directive: an unknown attribute or value (with the nearest valid one), or
 * a missing one. A name that is not ours is a problem only when it is close to one of ours (other
 * leaf directives belong to Starlight or to nobody).
 */
export function checkDirective(use: Pick<DirectiveUse, 'name' | 'attributes'>): DirectiveProblem[] {
	if (!isDirectiveName(use.name)) {
		const near = nearestKeys(use.name, DIRECTIVE_NAMES, 1);
		return near.length
			? [
					{
						message: `There is no directive "::${use.name}".${suggestion(near)}`,
						hint: `Use one of ${DIRECTIVE_NAMES.map((n) => `::${n}`).join(', ')}.`,
					},
				]
			: [];
	}
	const rules = ATTRIBUTES[use.name];
	const problems: DirectiveProblem[] = [];
	for (const [attribute, value] of Object.entries(use.attributes)) {
		const rule = rules[attribute];
		if (!rule) {
			const names = Object.keys(rules);
			problems.push({
				message: `::${use.name} has no attribute "${attribute}".${suggestion(nearestKeys(attribute, names, 1))}`,
				hint: names.length
					? `Its attributes are ${names.join(', ')}.`
					: `::${use.name} takes no attributes: remove them.`,
			});
		} else if (rule !== 'text' && rule !== 'keys') {
			const values = rule.list ? value.split(/[\s,]+/).filter(Boolean) : [value];
			for (const v of values) {
				if (rule.oneOf.includes(v)) continue;
				problems.push({
					message: `::${use.name} has ${attribute}="${v}", which is not a known value.${suggestion(nearestKeys(v, rule.oneOf, 1))}`,
					hint: `${attribute} is one of ${rule.oneOf.join(', ')}.`,
				});
			}
		}
	}
	if (use.name === 'claims-for' && !use.attributes.condition && !use.attributes.topic)
		problems.push({
			message: '::claims-for needs a condition or a topic.',
			hint: 'Write ::claims-for{condition="crps"} or ::claims-for{topic="safety"}.',
		});
	return problems;
}
