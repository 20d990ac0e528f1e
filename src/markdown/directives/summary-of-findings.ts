/** `::summary-of-findings`: the GRADE table of the page's frontmatter `outcomes`. */
import { outcomeSchema } from '../../engine/read/page-frontmatter.ts';
import { renderSummaryOfFindings } from '../../engine/render/tables.ts';
import { PageError } from '../../plugin/errors.ts';
import type { DirectiveRenderer } from './context.ts';
import { factsOf } from './known-keys.ts';
import { cslYear } from '../../engine/read/csl-fields.ts';

export const summaryOfFindings: DirectiveRenderer = (context) => {
	const { evidence, page, cite, position, frontmatter } = context;
	const outcomes = ((frontmatter.outcomes ?? []) as unknown[]).map((o) => outcomeSchema.parse(o));
	if (outcomes.length === 0)
		throw new PageError(
			'::summary-of-findings needs `outcomes` in the page frontmatter.',
			position,
		);
	const rows = outcomes.map((outcome) => ({
		outcome,
		studies: outcome.studies.map((key) => ({
			facts: factsOf(evidence, key, position, `the outcome "${outcome.outcome}"`),
			year: cslYear(evidence.library.entries.get(key)?.csl ?? {}),
		})),
		cite: cite(page, outcome.studies),
	}));
	return renderSummaryOfFindings(
		context.id,
		context.attributes.caption ?? 'Summary of findings',
		rows,
		context.base,
	);
};
