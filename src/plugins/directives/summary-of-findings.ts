/** `::summary-of-findings`: the GRADE table of the page's frontmatter `outcomes`. */
import { outcomeSchema } from '../../lib/page-frontmatter.ts';
import { renderSummaryOfFindings } from '../../lib/evidence/tables.ts';
import { PageError } from '../../plugin/errors.ts';
import type { DirectiveRenderer } from './context.ts';
import { assertKnown } from './known-keys.ts';

export const summaryOfFindings: DirectiveRenderer = ({
	evidence,
	page,
	cite,
	attributes,
	id,
	position,
	frontmatter,
}) => {
	const outcomes = ((frontmatter.outcomes ?? []) as unknown[]).map((o) => outcomeSchema.parse(o));
	if (outcomes.length === 0)
		throw new PageError(
			'::summary-of-findings needs `outcomes` in the page frontmatter.',
			position,
		);
	const rows = outcomes.map((outcome) => {
		outcome.studies.forEach((key) => assertKnown(evidence.library, key, position));
		return {
			outcome,
			studies: outcome.studies.map((key) => {
				const record = evidence.facts.byKey.get(key);
				if (!record)
					throw new PageError(
						`the outcome "${outcome.outcome}" lists "${key}", which has no facts file.`,
						position,
					);
				return { facts: record.facts };
			}),
			citeHtml: cite(page, outcome.studies),
		};
	});
	return renderSummaryOfFindings(id, attributes.caption ?? 'Summary of findings', rows);
};
