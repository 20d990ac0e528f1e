/**
 * Search synonyms: groups of words that mean the same thing on this site (content/search-synonyms.yaml).
 * A page that uses one word of a group is also found by the others; the build adds the missing words
 * to the page's hidden search data (see ./index-markup.ts). Pagefind 1.6 has no synonym option.
 */
import { LineCounter, isNode, parseDocument } from 'yaml';
import { z } from 'astro/zod';

/** The file, from the project root; named in every error. */
export const SYNONYMS_FILE = 'content/search-synonyms.yaml';

const groupsSchema = z.array(z.array(z.string().trim().min(1)).min(2));

export type SynonymGroups = string[][];

/**
 * Parses and checks the synonyms file. Throws one error naming `file:line:column`, what is wrong and
 * how to fix it, so a typo stops the build instead of silently dropping a group.
 */
export function parseSynonyms(source: string, file = SYNONYMS_FILE): SynonymGroups {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, prettyErrors: false });
	const at = (offset: number | undefined) => {
		const p = lineCounter.linePos(offset ?? 0);
		return `${file}:${p.line}:${p.col}`;
	};
	const hint =
		'Write one group per line as a YAML list of two or more words, e.g. `- [esketamine, S-ketamine]`.';
	if (doc.errors.length > 0) {
		const error = doc.errors[0]!;
		throw new Error(
			`${at(error.pos[0])} This is not valid YAML: ${error.message.split('\n')[0]}. ${hint}`,
		);
	}
	const parsed = groupsSchema.safeParse(doc.toJS({ maxAliasCount: 100 }) ?? []);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		let where = at(0);
		for (let depth = issue.path.length; depth >= 0; depth--) {
			const node = depth === 0 ? doc.contents : doc.getIn(issue.path.slice(0, depth), true);
			if (isNode(node)) {
				where = at(node.range?.[0]);
				break;
			}
		}
		const group = typeof issue.path[0] === 'number' ? ` (group ${issue.path[0] + 1})` : '';
		throw new Error(`${where} Search synonyms${group}: ${issue.message}. ${hint}`);
	}
	return parsed.data;
}

/**
 * The pattern that finds `term` as a word, compiled once per term: the build runs it over every
 * text of every page, and compiling it each time (Unicode classes, a look-behind) took a third of
 * a large site's build.
 * A word in capitals only (IV, CRPS) matches only in capitals; others match in any case.
 */
const patterns = new Map<string, RegExp>();

/** `term` as pattern source: special characters escaped, any run of spaces matching any other. */
const termSource = (term: string) =>
	term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

function wordPattern(term: string): RegExp {
	let pattern = patterns.get(term);
	if (!pattern) {
		const escaped = termSource(term);
		const caseSensitive = /[A-Z]/.test(term) && term === term.toUpperCase();
		// Word boundaries that also work next to brackets and hyphens ("S(+)-ketamine"); plurals count.
		pattern = new RegExp(
			`(?<![\\p{L}\\p{N}])${escaped}(?:e?s)?(?![\\p{L}\\p{N}])`,
			caseSensitive ? 'gu' : 'giu',
		);
		patterns.set(term, pattern);
	}
	return pattern;
}

/**
 * Whether `text` may hold any word of `groups`: one pass with every word in one case-blind
 * pattern, so the texts that hold none (most of them) skip the per-word patterns.
 */
const anyWords = new WeakMap<SynonymGroups, RegExp>();
function mayHoldAny(text: string, groups: SynonymGroups): boolean {
	let pattern = anyWords.get(groups);
	if (!pattern) {
		const words = groups.flat().map(termSource);
		pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})`, 'iu');
		anyWords.set(groups, pattern);
	}
	return pattern.test(text);
}

/** Where a word of a synonym group occurs, and the group's other words to add after it. */
export interface SynonymMatch {
	group: number;
	end: number;
	words: string[];
}

/**
 * Every occurrence of a synonym-group word in `text`, in order, with the group's other words.
 * Within a group the longest word wins where two overlap ("liver injury" over "liver").
 * `accept(group)` may decline further matches of a group (to cap how often a page repeats them).
 */
export function synonymsIn(
	text: string,
	groups: SynonymGroups,
	accept: (group: number) => boolean = () => true,
): SynonymMatch[] {
	const found: (SynonymMatch & { start: number })[] = [];
	if (!mayHoldAny(text, groups)) return [];
	groups.forEach((group, g) => {
		const hits: { start: number; end: number; term: string }[] = [];
		for (const term of group) {
			// matchAll works on a copy of the pattern, so the shared one keeps no state between texts.
			for (const m of text.matchAll(wordPattern(term)))
				hits.push({ start: m.index, end: m.index + m[0].length, term });
		}
		hits.sort((a, b) => a.start - b.start || b.end - a.end);
		let last = -1;
		for (const hit of hits) {
			if (hit.start < last) continue;
			last = hit.end;
			found.push({
				group: g,
				start: hit.start,
				end: hit.end,
				words: group.filter((t) => t.toLowerCase() !== hit.term.toLowerCase()),
			});
		}
	});
	return found
		.sort((a, b) => a.start - b.start || a.group - b.group)
		.filter((m) => accept(m.group))
		.map(({ group, end, words }) => ({ group, end, words }));
}
