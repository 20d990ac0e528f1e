/**
 * The "At a glance" box states facts, so it cites them: `glance.sources` names the studies its
 * sentences rest on. The box shows their numbers from the page's reference list, so each source
 * must also be cited in the page's text (every number then points at a reference on the page).
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Diagnostic } from '../problems/diagnostics.ts';
import type { Frontmatter } from './frontmatter-text.ts';

/** A source of the box that the page's text does not cite. */
export function glanceSourceProblems(
	frontmatter: Frontmatter,
	file: string,
	citedInText: ReadonlySet<string>,
): Diagnostic[] {
	const glance = frontmatter.doc.get('glance', true);
	const sources = isMap(glance) ? glance.get('sources', true) : undefined;
	if (!isSeq(sources)) return [];
	const out: Diagnostic[] = [];
	for (const item of sources.items) {
		if (!isScalar(item) || citedInText.has(String(item.value))) continue;
		const pos = frontmatter.lineCounter.linePos(item.range?.[0] ?? 0);
		out.push({
			code: 'invalid-frontmatter',
			file,
			// +1: the frontmatter starts on the line after the opening `---`.
			line: pos.line + 1,
			column: pos.col,
			key: String(item.value),
			message: `\`glance.sources\` names "${String(item.value)}", which the page's text does not cite, so the box would have no reference number to show for it.`,
			hint: 'Cite the study where the page makes the same point (in the key messages or the bottom line), or name a source the page already cites.',
		});
	}
	return out;
}
