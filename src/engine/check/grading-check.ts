/**
 * The check of every summary-of-findings row in a page's frontmatter: the GRADE arithmetic
 * (grading.ts), the wording its certainty allows (certainty-wording.ts), and the counts its absolute
 * effect and picture come from. Each problem is placed at the line of the field concerned.
 */
import { isMap, isNode, isSeq, type Document } from 'yaml';
import { outcomeSchema, type Outcome } from '../read/page-frontmatter.ts';
import { wordingProblems } from './certainty-wording.ts';
import type { Diagnostic } from '../problems/diagnostics.ts';
import type { StudyFacts } from '../read/facts-schema.ts';
import { gradingProblems } from '../grade/grading.ts';
import { positionAt } from '../read/position.ts';

/**
 * Problems in the `outcomes` of one page. `doc` is the page's parsed frontmatter; `source` the whole
 * page (positions are the page's). Rows the schema refuses are left to the schema's own report.
 */
export function checkOutcomes(
	source: string,
	file: string,
	doc: Document.Parsed,
	factsOf: (key: string) => StudyFacts | undefined,
): Diagnostic[] {
	const outcomes = doc.get('outcomes', true);
	if (!isSeq(outcomes)) return [];
	const base = source.indexOf('\n') + 1;
	const out: Diagnostic[] = [];
	outcomes.items.forEach((node, index) => {
		if (!isMap(node)) return;
		const parsed = outcomeSchema.safeParse(node.toJSON());
		if (!parsed.success) return;
		const outcome: Outcome = parsed.data;
		const at = (path: (string | number)[]) => {
			let target: unknown = node;
			for (let i = path.length; i >= 0; i--) {
				const found = i === 0 ? node : node.getIn(path.slice(0, i), true);
				if (isNode(found) && found.range) {
					target = found;
					break;
				}
			}
			const range = isNode(target) ? target.range : undefined;
			return positionAt(source, base + (range?.[0] ?? 0));
		};
		const label = `Outcome ${index + 1} ("${outcome.outcome}")`;
		for (const p of gradingProblems(outcome, factsOf)) {
			out.push({
				code: p.code,
				file,
				...at(p.path),
				message: `${label}: ${p.message}`,
				hint: p.hint,
			});
		}
		const wording = wordingProblems(outcome.certainty, outcome.effect);
		if (wording.length)
			out.push({
				code: 'certainty-wording',
				file,
				...at(['effect']),
				message: `${label}: ${wording.join(' ')}`,
				hint: 'Word the effect as GRADE guideline 26 gives its certainty: high "reduces", moderate "probably reduces", low "may reduce", very low "It is uncertain whether … because the evidence is very uncertain".',
			});
		if (outcome.counts) {
			const { study, id } = outcome.counts;
			const facts = factsOf(study);
			const problem = !outcome.studies.includes(study)
				? `its counts come from "${study}", which is not among its studies.`
				: facts && !facts.counts.some((c) => c.id === id)
					? `"${study}" has no count "${id}" in references/facts/${study}.yaml${facts.counts.length ? ` (it has: ${facts.counts.map((c) => c.id).join(', ')})` : ''}.`
					: null;
			if (problem)
				out.push({
					code: 'invalid-counts',
					file,
					...at(['counts']),
					message: `${label}: ${problem}`,
					hint: 'Name a study of the row and the `id` of one of its `counts`, or remove `counts` (the table then says "not reported as counts").',
				});
		} else if (outcome.keyPicture) {
			out.push({
				code: 'invalid-counts',
				file,
				...at(['keyPicture']),
				message: `${label}: the key picture needs counts, and this row has none.`,
				hint: 'Add `counts: { study, id }` naming counts in the study’s facts, or move `keyPicture` to a row that has them.',
			});
		}
	});
	return out;
}

/**
 * Each `::icon-array{outcome="N"}` names a frontmatter outcome that has counts its study's facts
 * hold; otherwise the build would stop on it, so the check reports it first.
 */
export function checkPictureDirectives(
	directives: readonly {
		name: string;
		attributes: Record<string, string>;
		line: number;
		column: number;
	}[],
	file: string,
	doc: Document.Parsed | undefined,
	factsOf: (key: string) => StudyFacts | undefined,
): Diagnostic[] {
	const raw = doc?.get('outcomes');
	const outcomes = Array.isArray(raw) ? raw : (raw as { toJSON?: () => unknown })?.toJSON?.();
	const list = Array.isArray(outcomes) ? outcomes : [];
	const out: Diagnostic[] = [];
	for (const d of directives) {
		if (d.name !== 'icon-array') continue;
		const n = Number(d.attributes.outcome);
		const parsed = Number.isInteger(n) ? outcomeSchema.safeParse(list[n - 1]) : undefined;
		const row = parsed?.success ? parsed.data : undefined;
		const counts = row?.counts;
		const ok =
			row &&
			counts &&
			factsOf(counts.study)?.counts.some((c) => c.id === counts.id) &&
			row.studies.includes(counts.study);
		if (ok) continue;
		out.push({
			code: 'invalid-counts',
			file,
			line: d.line,
			column: d.column,
			message: `::icon-array names outcome "${d.attributes.outcome ?? ''}", which is not a frontmatter outcome with counts (this page has ${list.length} outcome${list.length === 1 ? '' : 's'}).`,
			hint: 'Set `outcome` to the number of a row (1 = the first) whose `counts: { study, id }` name counts in that study’s facts file.',
		});
	}
	return out;
}
