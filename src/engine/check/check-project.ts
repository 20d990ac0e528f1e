/**
 * Runs every evidence check on a project: the library, the facts, and the pages that cite them.
 * Used by `npm run check` (scripts/check-evidence.ts) and by the build (src/plugin/integration.ts),
 * so both stop on the same problems with the same messages.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { isMap, isScalar, isSeq } from 'yaml';
import { join, relative, resolve } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../problems/diagnostics.ts';
import { checkAcrossEntries, checkEntry } from './entry-rules.ts';
import { checkEntryText } from './entry-text-rules.ts';
import { loadFacts, type FactsSet } from '../read/facts.ts';
import { displayPath, loadLibrary, type Library } from '../read/library.ts';
import { parsePage, scanPage } from '../read/citations.ts';
import { factsStub } from '../read/facts-stub.ts';
import { loadClaims, type ClaimRecord } from '../read/claims.ts';
import { loadGlossary, type GlossaryTerm } from '../read/glossary.ts';
import { nearestKeys, suggestion } from '../problems/nearest-keys.ts';
import {
	checkDirective,
	directivesIn,
	findDirectives,
	type DirectiveUse,
} from '../read/directives.ts';
import { listAttribute } from '../read/selection.ts';
import { checkFrontmatterTitles, parseFrontmatter, type Frontmatter } from './frontmatter-text.ts';
import { CONDITIONS } from '../read/taxonomy.ts';
import { rawTextProblems } from '../read/text-limits.ts';
import { checkPageFrontmatterText } from './page-frontmatter-check.ts';
import { componentPropProblems } from './component-props.ts';
import { loadWatch, watchedPages, type WatchData } from '../../watch/load.ts';
import { isWithdrawn } from '../read/facts-schema.ts';
import { checkOutcomes, checkPictureDirectives } from './grading-check.ts';
import { glanceSourceProblems } from './glance-sources.ts';
import { positionAt } from '../read/position.ts';

export interface ProjectPaths {
	root: string;
	/** Folder holding the `*.bib` files. @default 'references' */
	referencesDir?: string;
	/** Folder holding `<key>.yaml` facts files. @default 'references/facts' */
	factsDir?: string;
	/** Folder holding the pages. @default 'content' */
	contentDir?: string;
	/** Folder holding one YAML file per clinic claim. @default 'content/claims' */
	claimsDir?: string;
	/** The glossary file. @default 'content/glossary.yaml' */
	glossaryFile?: string;
	/** The day dates are checked against ("not in the future"). @default now */
	today?: Date;
}

export interface Evidence {
	library: Library;
	facts: FactsSet;
	/** Clinic claims, in display order. */
	claims: ClaimRecord[];
	/** Glossary terms, linked on first use in plain-language layers. */
	glossary: GlossaryTerm[];
	/** The literature watch: protocols, decisions and complete runs (references/watch/). */
	watch: WatchData;
	/** Every problem, sorted by file and position. Empty means the checks pass. */
	diagnostics: Diagnostic[];
	counts: {
		files: number;
		rawEntries: number;
		parsedEntries: number;
		facts: number;
		pages: number;
		citations: number;
	};
}

function listPages(dir: string): string[] {
	if (!existsSync(dir)) return [];
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...listPages(path));
		else if (/\.mdx?$/.test(entry.name)) out.push(path);
	}
	return out.sort();
}

/** The page body as the build's parser sees it: frontmatter blanked, so lines keep their numbers. */
function pageBody(source: string): string {
	const frontmatter = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(source);
	return frontmatter
		? frontmatter[0].replace(/[^\n]/g, ' ') + source.slice(frontmatter[0].length)
		: source;
}

/** The page's directives, parsed by Sätteri as the build parses them. */
export function pageDirectives(source: string, format: 'md' | 'mdx' = 'mdx'): DirectiveUse[] {
	return findDirectives(pageBody(source), format);
}

/**
 * Keys that a page puts in an evidence table, with positions: `::evidence-table{keys="a b"}` and the
 * `studies:` of its frontmatter `outcomes` (the summary-of-findings table). Both need facts files.
 */
export function scanEvidenceTableKeys(
	source: string,
	directives: readonly DirectiveUse[] = pageDirectives(source),
	frontmatter: Frontmatter | undefined = parseFrontmatter(source),
): { key: string; line: number; column: number }[] {
	const out: { key: string; line: number; column: number }[] = [];
	if (frontmatter) {
		// The YAML (flow `[a, b]` or block `- a` lists alike), its node offsets mapped to the page.
		const base = source.indexOf('\n') + 1;
		const { doc } = frontmatter;
		const outcomes = doc.get('outcomes', true);
		if (isSeq(outcomes)) {
			for (const outcome of outcomes.items) {
				const studies = isMap(outcome) ? outcome.get('studies', true) : undefined;
				if (!isSeq(studies)) continue;
				for (const item of studies.items) {
					if (isScalar(item) && typeof item.value === 'string' && item.range) {
						out.push({ key: item.value, ...positionAt(source, base + item.range[0]) });
					}
				}
			}
		}
	}
	const lines = source.split('\n');
	for (const directive of directives) {
		if (directive.name !== 'evidence-table' || !directive.attributes.keys) continue;
		// Sätteri gives the directive's position; each key's column is found on its line.
		const line = lines[directive.line - 1] ?? '';
		const attr = /\bkeys=(["']?)([^"'}]*)\1/.exec(line.slice(directive.column - 1));
		const start = attr ? directive.column - 1 + attr.index + attr[0].indexOf(attr[2]!) : -1;
		for (const key of listAttribute(directive.attributes.keys)) {
			const at = attr && start >= 0 ? line.indexOf(key, start) : -1;
			out.push({ key, line: directive.line, column: at >= 0 ? at + 1 : directive.column });
		}
	}
	return out;
}

/**
 * Where a study appears comes from its facts `conditions` only. A BibTeX `keywords` value that names
 * a condition the facts do not list would leave the study off that condition's page without a word,
 * so the two must agree (keywords that are not condition slugs are free).
 */
function keywordConditionProblems(library: Library, facts: FactsSet): Diagnostic[] {
	const out: Diagnostic[] = [];
	for (const entry of library.all) {
		const field = entry.scanned.fields.find((f) => f.name === 'keywords' && !f.inheritedFrom);
		const record = facts.byKey.get(entry.key);
		if (!field || !record) continue;
		const listed = new Set<string>(record.facts.conditions);
		const named = field.raw
			.split(/[,;]/)
			.map((k) => k.trim().toLowerCase())
			.filter((k) => (CONDITIONS as readonly string[]).includes(k) && !listed.has(k));
		for (const condition of named)
			out.push({
				code: 'keyword-not-in-facts',
				file: entry.file,
				line: field.line,
				column: field.column,
				key: entry.key,
				message: `The keywords name "${condition}", but the facts file (${record.file}) does not list it under \`conditions\`, so the study would not appear on that condition's page.`,
				hint: `Add ${condition} to \`conditions\` in ${record.file} (that is where a study is placed), or remove it from \`keywords\`.`,
			});
	}
	return out;
}

/** What the check reads from one page, whatever the library holds: pure in the page's text. */
interface PageReading {
	directives: DirectiveUse[];
	/** Problems in the page itself: its frontmatter (titles, dates, schema, limits), component props. */
	titleProblems: Diagnostic[];
	scan: ReturnType<typeof scanPage>;
	tableRows: ReturnType<typeof scanEvidenceTableKeys>;
}

function readPage(source: string, format: 'md' | 'mdx', file: string, today: Date): PageReading {
	// One parse serves the directive check and the citation scan (frontmatter is its own node, so
	// positions are the page's). A page that does not parse has no directives to check: the scan
	// reports it (unreadable-page).
	const parsed = parsePage(source, format);
	const directives = parsed.parseError ? [] : directivesIn(parsed.tree);
	const frontmatter = parseFrontmatter(source);
	return {
		directives,
		titleProblems: [
			...checkFrontmatterTitles(source, file, frontmatter),
			...checkPageFrontmatterText(file, frontmatter, today),
			...(parsed.parseError ? [] : componentPropProblems(parsed.tree, file)),
		],
		scan: scanPage(source, format, parsed),
		tableRows: scanEvidenceTableKeys(source, directives, frontmatter),
	};
}

export function checkProject(paths: ProjectPaths): Evidence {
	const root = resolve(paths.root);
	const referencesDir = resolve(root, paths.referencesDir ?? 'references');
	const factsDir = resolve(root, paths.factsDir ?? 'references/facts');
	const contentDir = resolve(root, paths.contentDir ?? 'content');
	const claimsDir = resolve(root, paths.claimsDir ?? 'content/claims');

	const library = loadLibrary(referencesDir, root);
	const keys = [...library.entries.keys()];
	const facts = loadFacts(factsDir, keys, root);
	const diagnostics: Diagnostic[] = [
		...library.diagnostics,
		...library.all.flatMap(checkEntry),
		...library.all.flatMap(checkEntryText),
		...checkAcrossEntries(library.all),
		...facts.diagnostics,
	];

	diagnostics.push(...keywordConditionProblems(library, facts));

	const claims = loadClaims(claimsDir, root);
	const glossary = loadGlossary(resolve(root, paths.glossaryFile ?? 'content/glossary.yaml'), root);
	diagnostics.push(...claims.diagnostics, ...glossary.diagnostics);
	for (const cite of [...claims.citations, ...glossary.citations]) {
		if (library.entries.has(cite.key)) continue;
		diagnostics.push({
			code: 'unknown-citation',
			file: cite.file,
			line: cite.line,
			column: cite.column,
			key: cite.key,
			message: `This cites "${cite.key}", which is not in the library.${suggestion(nearestKeys(cite.key, keys))}`,
			hint: 'Fix the key, or add the study to references/*.bib (see "Add a study").',
		});
	}

	const pages = listPages(contentDir);
	/** Page sources, for the watch's list of condition and topic pages. */
	const pageSources: { file: string; source: string }[] = [];
	/** Evidence-table and outcome rows, which also may not use a retracted study. */
	const tableUses: { key: string; file: string; line: number; column: number }[] = [];
	let citations = 0;
	/** Every citation with its place, for the check that each cited study has facts. */
	const citedAt: { key: string; file: string; line: number; column: number }[] = [
		...claims.citations,
		...glossary.citations,
	];
	for (const path of pages) {
		const file = displayPath(root, path);
		const source = readFileSync(path, 'utf8');
		pageSources.push({ file: relative(contentDir, path).replaceAll('\\', '/'), source });
		const format = path.endsWith('.mdx') ? 'mdx' : 'md';
		const raw = rawTextProblems(source, file, 'page');
		diagnostics.push(...raw);
		if (raw.some((d) => d.code === 'too-large')) continue;
		const { directives, titleProblems, scan, tableRows } = readPage(
			source,
			format,
			file,
			paths.today ?? new Date(),
		);
		for (const directive of directives) {
			for (const problem of checkDirective(directive)) {
				diagnostics.push({
					code: 'invalid-directive',
					file,
					line: directive.line,
					column: directive.column,
					...problem,
				});
			}
		}
		diagnostics.push(...titleProblems);
		if (scan.parseError) {
			diagnostics.push({
				code: 'unreadable-page',
				file,
				line: scan.parseError.line,
				column: scan.parseError.column,
				message: `The page cannot be read as MDX: ${scan.parseError.message}.`,
				hint: 'Fix the MDX at this place (an unclosed tag, or `{` / `<` that should be written `\\{` / `&lt;`).',
			});
		}
		for (const u of scan.unreadable) {
			diagnostics.push({
				code: u.inLink ? 'citation-in-link' : 'unreadable-citation',
				file,
				line: u.line,
				column: u.column,
				message: u.inLink
					? `The citation "${u.text}" sits inside the text of a link; a citation is a link itself, and a link inside a link is cut in two by browsers.`
					: `"${u.text}" looks like a citation but cannot be read: ${u.reason}; it would be printed as it stands.`,
				hint: u.fix,
			});
		}
		for (const cite of scan.citations) {
			citations++;
			citedAt.push({ key: cite.key, file, line: cite.line, column: cite.column });
			if (library.entries.has(cite.key)) continue;
			diagnostics.push({
				code: 'unknown-citation',
				file,
				line: cite.line,
				column: cite.column,
				key: cite.key,
				message: `This page cites "${cite.key}", which is not in the library.${suggestion(nearestKeys(cite.key, keys))}`,
				hint: cite.narrative
					? 'An `@` before a word in running text cites that key (the author and the number). Fix the key; for a literal @name, put it in code: `@name`.'
					: 'Fix the key, or add the study to references/*.bib (see "Add a study").',
			});
		}
		if (/^glance:/m.test(source)) {
			const frontmatter = parseFrontmatter(source);
			const citedHere = new Set(scan.citations.map((c) => c.key));
			if (frontmatter) diagnostics.push(...glanceSourceProblems(frontmatter, file, citedHere));
		}
		// Grading depends on the facts, so it is checked afresh each time (only pages with outcomes).
		const factsOf = (key: string) => facts.byKey.get(key)?.facts;
		const pictures = directives.some((d) => d.name === 'icon-array');
		if (pictures || /^outcomes:/m.test(source)) {
			const frontmatter = parseFrontmatter(source);
			if (frontmatter) diagnostics.push(...checkOutcomes(source, file, frontmatter.doc, factsOf));
			if (pictures)
				diagnostics.push(...checkPictureDirectives(directives, file, frontmatter?.doc, factsOf));
		}
		for (const row of tableRows) {
			tableUses.push({ key: row.key, file, line: row.line, column: row.column });
			// A facts file with errors is reported as such, not as missing.
			if (facts.byKey.has(row.key) || facts.invalid.has(row.key)) continue;
			const inLibrary = library.entries.has(row.key);
			diagnostics.push({
				code: inLibrary ? 'table-entry-without-facts' : 'unknown-citation',
				file,
				line: row.line,
				column: row.column,
				key: row.key,
				message: inLibrary
					? `The evidence table lists "${row.key}", which has no facts file.`
					: `The evidence table lists "${row.key}", which is not in the library.${suggestion(nearestKeys(row.key, keys))}`,
				hint: inLibrary
					? `Add references/facts/${row.key}.yaml (design, n, regimen, result…), or drop the key from the table.`
					: 'Fix the key, or add the study to references/*.bib and its facts to references/facts/.',
			});
		}
	}

	// A cited study needs its facts (design, n, what it found): report each such key once, at the
	// first place it is cited, with the file to write.
	// A table row without facts was reported above as such; it is not reported twice.
	const reported = new Set<string>(
		diagnostics.filter((d) => d.code === 'table-entry-without-facts').map((d) => d.key!),
	);
	for (const c of citedAt) {
		if (reported.has(c.key) || !library.entries.has(c.key)) continue;
		if (facts.byKey.has(c.key) || facts.invalid.has(c.key)) continue;
		reported.add(c.key);
		diagnostics.push({
			code: 'cited-without-facts',
			file: c.file,
			line: c.line,
			column: c.column,
			key: c.key,
			message: `This cites "${c.key}", which has no facts file (references/facts/${c.key}.yaml).`,
			hint: `Create references/facts/${c.key}.yaml from the study's published record, starting from:\n${factsStub(
				c.key,
			)
				.trimEnd()
				.split('\n')
				.map((l) => `        ${l}`)
				.join('\n')}`,
		});
	}

	// A retracted (or withdrawn) study may keep its study page, with the notice, but no page may cite
	// it as evidence any more.
	for (const c of [...citedAt, ...tableUses]) {
		const retraction = facts.byKey.get(c.key)?.facts.retraction;
		if (!retraction || !isWithdrawn(retraction)) continue;
		diagnostics.push({
			code: 'cites-retracted',
			file: c.file,
			line: c.line,
			column: c.column,
			key: c.key,
			message: `This cites "${c.key}" as evidence, but the study was ${retraction.type === 'withdrawal' ? 'withdrawn' : 'retracted'} (recorded ${retraction.date}) (${facts.byKey.get(c.key)!.file}).`,
			hint: "Remove the citation (and the study from evidence tables and outcomes), re-weigh the finding it supported, and record the change in the page's `updates`.",
		});
	}

	const watch = loadWatch(
		root,
		watchedPages(pageSources),
		new Set(keys),
		relative(root, join(referencesDir, 'watch')).replaceAll('\\', '/'),
	);
	diagnostics.push(...watch.diagnostics);

	return {
		watch,
		library,
		facts,
		claims: claims.claims,
		glossary: glossary.terms,
		diagnostics: causesFirst(diagnostics, library),
		counts: {
			files: library.files.length,
			rawEntries: library.rawEntries,
			parsedEntries: library.all.length,
			facts: facts.byKey.size,
			pages: pages.length,
			citations: citations + claims.citations.length + glossary.citations.length,
		},
	};
}

/** Problems that follow from an entry the library could not read, not from a mistake of their own. */
const CONSEQUENCES = new Set<Diagnostic['code']>([
	'unknown-citation',
	'facts-without-entry',
	'table-entry-without-facts',
	'cited-without-facts',
]);

/**
 * Causes before consequences: an entry lost to a BibTeX error (one unclosed brace) makes every
 * citation of its key "unknown" and its facts file "without entry". Those are folded into the one
 * problem that causes them (its message says how many), so the editor sees the one fix to make.
 */
function causesFirst(diagnostics: Diagnostic[], library: Library): Diagnostic[] {
	const causes = new Map<string, Diagnostic>();
	for (const d of library.diagnostics)
		if (d.key && !library.entries.has(d.key) && !causes.has(d.key)) causes.set(d.key, d);
	const followers = new Map<Diagnostic, number>();
	const kept = diagnostics.filter((d) => {
		const cause = d.key && CONSEQUENCES.has(d.code) ? causes.get(d.key) : undefined;
		if (!cause) return true;
		followers.set(cause, (followers.get(cause) ?? 0) + 1);
		return false;
	});
	const out = kept.map((d) => {
		const n = followers.get(d);
		return n
			? {
					...d,
					message: `${d.message} (The entry is not read until this is fixed; ${n} problem${n === 1 ? '' : 's'} that follow from it, such as citations of "${d.key}", are not listed.)`,
				}
			: d;
	});
	return sortDiagnostics(out);
}
