/**
 * Props of the site's MDX components that an editor writes by hand, checked with the evidence: a
 * wrong value (`<BottomLine certainty="medium">`, `<Certainty level="extreme"/>`) would pass the
 * check and then stop the build with a stack trace, so it is refused here at its line.
 */
import type { Diagnostic } from '../problems/diagnostics.ts';
import { CERTAINTY_LEVELS } from '../read/page-frontmatter.ts';

/** Each component's props that must hold one of a fixed list of words. */
const PROPS: Record<string, Record<string, readonly string[]>> = {
	BottomLine: { certainty: CERTAINTY_LEVELS },
	Certainty: { level: CERTAINTY_LEVELS },
};

interface JsxNode {
	type: string;
	name?: string | null;
	attributes?: { type: string; name?: string; value?: unknown }[];
	children?: JsxNode[];
	position?: { start: { line: number; column: number } };
}

/** Every problem with those props in a parsed page (Sätteri's mdast). */
export function componentPropProblems(tree: unknown, file: string): Diagnostic[] {
	const out: Diagnostic[] = [];
	const walk = (node: JsxNode) => {
		const props = node.name ? PROPS[node.name] : undefined;
		if (props && (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')) {
			const where = {
				file,
				line: node.position?.start.line ?? 1,
				column: node.position?.start.column ?? 1,
			};
			for (const [prop, allowed] of Object.entries(props)) {
				const attribute = node.attributes?.find(
					(a) => a.type === 'mdxJsxAttribute' && a.name === prop,
				);
				const value = attribute?.value;
				const list = allowed.map((v) => `"${v}"`).join(', ');
				if (typeof value === 'string' && allowed.includes(value)) continue;
				out.push({
					code: 'invalid-component',
					...where,
					message:
						attribute === undefined
							? `<${node.name}> needs \`${prop}\`.`
							: typeof value === 'string'
								? `<${node.name} ${prop}="${value}"> is not one of ${list}.`
								: `<${node.name}>'s \`${prop}\` must be written as plain text in quotes, not as an expression.`,
					hint: `Use one of ${list}, e.g. \`<${node.name} ${prop}="low">\` (see "How we grade evidence").`,
				});
			}
		}
		node.children?.forEach(walk);
	};
	walk(tree as JsxNode);
	return out;
}
