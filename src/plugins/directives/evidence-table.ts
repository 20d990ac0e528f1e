/** `::evidence-table{condition="crps"}` or `{keys="a b"}`: the studies, from their facts files. */
import type { Condition } from '../../lib/taxonomy.ts';
import { listAttribute, selectEvidenceTable } from '../../lib/evidence/selection.ts';
import { compareStudies, renderEvidenceTable } from '../../lib/evidence/tables.ts';
import { PageError } from '../../plugin/errors.ts';
import type { DirectiveRenderer } from './context.ts';
import { assertKnown } from './known-keys.ts';
import { studyRow } from './study-row.ts';

export const evidenceTable: DirectiveRenderer = ({
	evidence,
	page,
	cite,
	attributes,
	id,
	position,
}) => {
	const { facts, library } = evidence;
	const keys = listAttribute(attributes.keys);
	keys.forEach((key) => assertKnown(library, key, position));
	const chosen = selectEvidenceTable(
		[...facts.byKey.values()].map((r) => r.facts),
		{
			keys,
			condition: attributes.condition as Condition | undefined,
			designs: listAttribute(attributes.designs),
		},
	);
	const rows = chosen
		.map((key) => {
			const record = facts.byKey.get(key);
			if (!record)
				throw new PageError(
					`the evidence table lists "${key}", which has no facts file.`,
					position,
				);
			return studyRow(library, record.facts);
		})
		.sort(compareStudies)
		.map((row) => ({ ...row, citeHtml: cite(page, [row.facts.key]) }));
	return renderEvidenceTable(id, attributes.caption ?? 'Studies in the evidence library', rows);
};
