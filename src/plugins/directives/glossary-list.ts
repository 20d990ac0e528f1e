/** `::glossary`: every term with its definition, each anchored for the links in plain-language layers. */
import { renderExplanation } from '../../lib/evidence/claims.ts';
import { escapeHtml } from '../../lib/evidence/format.ts';
import type { DirectiveRenderer } from './context.ts';

export const glossaryList: DirectiveRenderer = ({ evidence, page, cite }) => {
	const entries = evidence.glossary
		.map(
			(t) =>
				`<dt id="${t.id}">${escapeHtml(t.term)}</dt><dd>${renderExplanation(t.definition, (keys) => cite(page, keys))}</dd>`,
		)
		.join('');
	return `<dl class="kpe-glossary">${entries}</dl>`;
};
