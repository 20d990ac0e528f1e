/** `::protocol-table`: every study of effect that reports a regimen, under each condition it studied. */
import { CONDITION_LABELS, CONDITIONS } from '../../engine/read/taxonomy.ts';
import { selectProtocolRows } from '../../engine/read/selection.ts';
import { compareStudies, renderProtocolTable } from '../../engine/render/tables.ts';
import type { DirectiveRenderer } from './context.ts';
import { studyRow } from './study-row.ts';

export const protocolTable: DirectiveRenderer = ({
	evidence,
	page,
	cite,
	attributes,
	id,
	base,
}) => {
	const allFacts = [...evidence.facts.byKey.values()].map((r) => r.facts);
	const rows = CONDITIONS.flatMap((condition) =>
		selectProtocolRows(allFacts, condition)
			.map((f) => studyRow(evidence.library, f))
			.sort(compareStudies)
			.map((row) => ({
				...row,
				condition: CONDITION_LABELS[condition],
				cite: cite(page, [row.facts.key]),
			})),
	);
	const caption = attributes.caption ?? 'Regimens used in the studies, by condition';
	return renderProtocolTable(id, caption, rows, base);
};
