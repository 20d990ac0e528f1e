/** `::glossary`: every term with its definition, each anchored for the links in plain-language layers. */
import { h } from 'hastscript';
import { textWithCitations } from '../../engine/render/render.ts';
import type { DirectiveRenderer } from './context.ts';

export const glossaryList: DirectiveRenderer = ({ evidence, page, cite }) =>
	h(
		'dl.kpe-glossary',
		evidence.glossary.flatMap((t) => [
			h('dt', { id: t.id }, t.term),
			h(
				'dd',
				textWithCitations(t.definition, (keys) => cite(page, keys)),
			),
		]),
	);
