/** `::icon-array{outcome="2"}`: the "out of 100 people" picture of one summary-of-findings row. */
import { iconArray, pictureOfOutcome } from '../../engine/render/icon-array.ts';
import { outcomeSchema } from '../../engine/read/page-frontmatter.ts';
import { PageError } from '../page-error.ts';
import type { DirectiveRenderer } from './context.ts';

export const iconArrayDirective: DirectiveRenderer = (context) => {
	const { evidence, frontmatter, attributes, position } = context;
	const outcomes = ((frontmatter.outcomes ?? []) as unknown[]).map((o) => outcomeSchema.parse(o));
	const index = Number(attributes.outcome) - 1;
	const outcome = outcomes[index];
	const picture = outcome
		? pictureOfOutcome(outcome, (key) => evidence.facts.byKey.get(key)?.facts, {
				...(attributes.caption ? { caption: attributes.caption } : {}),
			})
		: null;
	if (!picture)
		throw new PageError(
			`::icon-array{outcome="${attributes.outcome ?? ''}"} needs the number of a frontmatter outcome that has \`counts\` (1 = the first). Run \`npm run check\` to list every problem.`,
			position,
		);
	return iconArray(
		picture,
		context.id,
		context.cite(context.page, [picture.from.study]),
		context.page.grids,
	);
};
