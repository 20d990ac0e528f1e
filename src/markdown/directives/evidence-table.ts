/** `::evidence-table{condition="crps"}` or `{keys="a b"}`: the studies, from their facts files. */
import type { Condition } from '../../engine/read/taxonomy.ts';
import { listAttribute, selectEvidenceTable } from '../../engine/read/selection.ts';
import { compareStudies, renderEvidenceTable } from '../../engine/render/tables.ts';
import type { DirectiveRenderer } from './context.ts';
import { assertKnown, factsOf } from './known-keys.ts';
import { studyRow } from './study-row.ts';

export const evidenceTable: DirectiveRenderer = (context) => {
	const { evidence, page, cite, attributes, position } = context;
	const keys = listAttribute(attributes.keys);
	keys.forEach((key) => assertKnown(evidence.library, key, position));
	const chosen = selectEvidenceTable(
		[...evidence.facts.byKey.values()].map((r) => r.facts),
		{
			keys,
			condition: attributes.condition as Condition | undefined,
			designs: listAttribute(attributes.designs),
		},
	);
	const rows = chosen
		.map((key) =>
			studyRow(evidence.library, factsOf(evidence, key, position, 'the evidence table')),
		)
		.sort(compareStudies)
		.map((row) => ({ ...row, cite: cite(page, [row.facts.key]) }));
	return renderEvidenceTable(
		context.id,
		attributes.caption ?? 'Studies in the evidence library',
		rows,
		context.base,
	);
};
