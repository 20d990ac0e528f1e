/**
 * `::clinic-claims` (every claim weighed against the evidence) and `::claims-for{condition|topic}`
 * (links to the claims about a page).
 *
 * `::clinic-claims` is its own Markdown plugin, run before the citations plugin: it replaces the
 * directive with Markdown nodes, so each claim's heading is a real heading (Starlight lists it in
 * "On this page"; raw HTML headings are invisible to it) and its answer and explanation are page
 * text whose `[@key]` citations the citations plugin then numbers in reading order.
 */
import { defineMdastPlugin } from 'satteri';
import type { Nodes } from 'hast';
import type { Evidence } from '../../engine/check/check-project.ts';
import type { Condition } from '../../engine/read/taxonomy.ts';
import { checkDirective } from '../../engine/read/directives.ts';
import {
	claimAnchor,
	claimAnswerText,
	claimLinks,
	claimRelated,
	claimTitle,
	claimTitleId,
	claimVerdict,
	claimsTable,
} from '../../engine/render/claims-render.ts';
import { PageError } from '../../plugin/errors.ts';
import { locate } from '../locate.ts';
import { htmlNode } from '../nodes.ts';
import type { DirectiveRenderer } from './context.ts';

export function clinicClaimsPlugin(evidence: Evidence, base = '/') {
	return defineMdastPlugin({
		name: 'kpe-clinic-claims',
		options: { position: true },
		leafDirective(node, ctx) {
			if (node.name !== 'clinic-claims') return;
			const attributes = Object.fromEntries(
				Object.entries(node.attributes ?? {}).filter(
					(entry): entry is [string, string] => typeof entry[1] === 'string',
				),
			);
			const [problem] = checkDirective({ name: node.name, attributes });
			if (problem)
				throw new PageError(
					`${problem.message} ${problem.hint}`,
					locate(ctx, node.position?.start),
				);
			const html = (tree: Nodes) => htmlNode(ctx.sourceFormat, tree, { flow: true });
			const text = (value: string) => ({ type: 'text', value });
			const sections = evidence.claims.map(({ claim }) => {
				const related = claimRelated(claim, base);
				return {
					type: 'kpeClaim',
					data: {
						hName: 'section',
						hProperties: {
							className: ['kpe-claim'],
							id: claimAnchor(claim),
							ariaLabelledBy: claimTitleId(claim),
						},
					},
					children: [
						{
							type: 'heading',
							depth: 3,
							data: { hProperties: { id: claimTitleId(claim) } },
							children: [text(claimTitle(claim))],
						},
						html(claimVerdict(claim, base)),
						{
							type: 'paragraph',
							data: { hProperties: { className: ['kpe-claim-answer'] } },
							children: [
								{ type: 'strong', children: [text('In short:')] },
								text(` ${claimAnswerText(claim)}`),
							],
						},
						{ type: 'paragraph', children: [text(claim.explanation)] },
						...(related ? [html(related)] : []),
					],
				};
			});
			ctx.replaceNode(node, [
				html(claimsTable(evidence.claims, base)),
				...sections,
			] as unknown as Parameters<typeof ctx.replaceNode>[1]);
		},
	});
}

/** Never reached: `clinicClaimsPlugin` replaces the directive before the citations plugin runs. */
export const clinicClaims: DirectiveRenderer = () => {
	throw new Error(
		'::clinic-claims is rendered by clinicClaimsPlugin (src/markdown/directives/claims.ts), which must run before the citations plugin.',
	);
};

export const claimsFor: DirectiveRenderer = ({ evidence, attributes, base }) => {
	const list = claimLinks(
		evidence.claims.filter(
			({ claim }) =>
				(attributes.condition && claim.conditions.includes(attributes.condition as Condition)) ||
				(attributes.topic && claim.topics.includes(attributes.topic)),
		),
		base,
	);
	return list ?? { type: 'root', children: [] };
};
