/**
 * Runs every evidence check on a project: the library, the facts, and the pages that cite them.
 * Used by `npm run check` (scripts/check-evidence.ts) and by the build (src/plugin/integration.ts),
 * so both stop on the same problems with the same messages.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { join, resolve } from 'node:path';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { checkAcrossEntries, checkEntry } from './entry-rules.ts';
import { checkEntryText } from './entry-text-rules.ts';
import { loadFacts, type FactsSet } from './facts.ts';
import { displayPath, loadLibrary, type Library } from './library.ts';
import { scanPageCitations } from './citations.ts';
import { loadClaims, type ClaimRecord } from './claims.ts';
import { loadGlossary, type GlossaryTerm } from './glossary.ts';
import { nearestKeys, suggestion } from './nearest-keys.ts';
import {
	listAttribute,
	parseDirectiveAttributes,
	selectEvidenceTable,
	selectProtocolRows,
} from './selection.ts';
import { CONDITIONS, conditionSchema } from '../page-frontmatter.ts';
import type { StudyFacts } from './facts-schema.ts';
import { checkFrontmatterTitles } from '../frontmatter-text.ts';

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
}

export interface Evidence {
	library: Library;
	facts: FactsSet;
	/** Clinic claims, in display order. */
	claims: ClaimRecord[];
	/** Glossary terms, linked on first use in plain-language layers. */
	glossary: GlossaryTerm[];
	/** For each cited key, the pages that cite it (URL path and title), in page order. */
	citedIn: Map<string, { path: string; title: string }[]>;
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

/**
 * Keys that a page puts in an evidence table, with positions: `::evidence-table{keys="a b"}` and the
 * `studies:` of its frontmatter `outcomes` (the summary-of-findings table). Both need facts files.
 */
export function scanEvidenceTableKeys(
	source: string,
): { key: string; line: number; column: number }[] {
	const out: { key: string; line: number; column: number }[] = [];
	const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
	if (frontmatter) {
		// Parse the YAML (flow `[a, b]` or block `- a` lists alike) and map node offsets to the page.
		const base = source.indexOf('\n') + 1;
		const doc = parseDocument(frontmatter[1]!);
		const outcomes = doc.get('outcomes', true);
		if (isSeq(outcomes)) {
			for (const outcome of outcomes.items) {
				const studies = isMap(outcome) ? outcome.get('studies', true) : undefined;
				if (!isSeq(studies)) continue;
				for (const item of studies.items) {
					if (isScalar(item) && typeof item.value === 'string' && item.range) {
						out.push({ key: item.value, ...lineAndColumn(source, base + item.range[0]) });
					}
				}
			}
		}
	}
	for (const tag of source.matchAll(/::evidence-table\{[^}]*\}/g)) {
		const attr = /\bkeys=(["'])([^"']*)\1/.exec(tag[0]);
		if (!attr) continue;
		const base = tag.index + attr.index + attr[0].indexOf(attr[2]!);
		for (const k of attr[2]!.matchAll(/[^\s,]+/g))
			out.push({ key: k[0], ...lineAndColumn(source, base + k.index) });
	}
	return out;
}

/** `conditions/crps.mdx` → `/conditions/crps/`; `index.mdx` → `/`. */
export function pageUrl(relativePath: string): string {
	const slug = relativePath.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
	return slug ? `/${slug}/` : '/';
}

function pageTitle(source: string): string {
	const title = /^---[\s\S]*?^title:\s*(.+)$/m.exec(source)?.[1]?.trim() ?? '';
	return title.replace(/^(['"])(.*)\1$/, '$2');
}

/**
 * Every key a page cites: `[@key]` in its text, keys of its generated tables (the same selection the
 * Markdown plugin renders) and the studies of its frontmatter outcomes.
 */
export function keysCitedOn(source: string, allFacts: readonly StudyFacts[]): string[] {
	const keys = new Set(scanPageCitations(source).map((c) => c.key));
	for (const row of scanEvidenceTableKeys(source)) keys.add(row.key);
	for (const m of source.matchAll(/^::evidence-table\{([^}]*)\}/gm)) {
		const attributes = parseDirectiveAttributes(m[1]!);
		const condition = conditionSchema.safeParse(attributes.condition);
		if (attributes.keys) continue; // already counted above
		selectEvidenceTable(allFacts, {
			condition: condition.success ? condition.data : undefined,
			designs: listAttribute(attributes.designs),
		}).forEach((key) => keys.add(key));
	}
	if (/^::protocol-table\b/m.test(source)) {
		for (const condition of CONDITIONS)
			selectProtocolRows(allFacts, condition).forEach((f) => keys.add(f.key));
	}
	return [...keys];
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
	const before = source.slice(0, offset);
	return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
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
	let citations = 0;
	const citedIn = new Map<string, { path: string; title: string }[]>();
	const cite = (key: string, page: { path: string; title: string }) => {
		const list = citedIn.get(key) ?? [];
		if (!list.some((p) => p.path === page.path)) list.push(page);
		citedIn.set(key, list);
	};
	const allFacts = [...facts.byKey.values()].map((r) => r.facts);
	for (const path of pages) {
		const file = displayPath(root, path);
		const source = readFileSync(path, 'utf8');
		const page = { path: pageUrl(displayPath(contentDir, path)), title: pageTitle(source) };
		for (const key of keysCitedOn(source, allFacts)) cite(key, page);
		diagnostics.push(...checkFrontmatterTitles(source, file));
		for (const cite of scanPageCitations(source, path.endsWith('.mdx') ? 'mdx' : 'md')) {
			citations++;
			if (library.entries.has(cite.key)) continue;
			diagnostics.push({
				code: 'unknown-citation',
				file,
				line: cite.line,
				column: cite.column,
				key: cite.key,
				message: `This page cites "${cite.key}", which is not in the library.${suggestion(nearestKeys(cite.key, keys))}`,
				hint: 'Fix the key, or add the study to references/*.bib (see "Add a study").',
			});
		}
		for (const row of scanEvidenceTableKeys(source)) {
			if (facts.byKey.has(row.key)) continue;
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

	for (const c of claims.citations)
		cite(c.key, { path: '/claims/', title: 'Clinic claims vs evidence' });
	for (const c of glossary.citations) cite(c.key, { path: '/glossary/', title: 'Glossary' });

	return {
		library,
		facts,
		citedIn,
		claims: claims.claims,
		glossary: glossary.terms,
		diagnostics: sortDiagnostics(diagnostics),
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

const cache = new Map<string, Evidence>();

/** The checked evidence for a project, computed once per process (once per build, not per page). */
export function getEvidence(paths: ProjectPaths): Evidence {
	const id = JSON.stringify({ ...paths, root: resolve(paths.root) });
	let evidence = cache.get(id);
	if (!evidence) {
		evidence = checkProject(paths);
		cache.set(id, evidence);
	}
	return evidence;
}

/** Forgets cached evidence (dev server reloads, tests). */
export function clearEvidenceCache(): void {
	cache.clear();
}
