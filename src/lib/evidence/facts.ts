/**
 * Loads per-study facts (`references/facts/<key>.yaml`) and checks them against their schema and
 * against the library. Positions come from the YAML document, so errors point at the right line.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { NO_CACHE, type CheckCache } from './check-cache.ts';
import { join } from 'node:path';
import { readYamlFile } from './yaml-file.ts';
import type { Diagnostic } from './diagnostics.ts';
import { studyFactsSchema, type StudyFacts } from './facts-schema.ts';
import { displayPath } from './library.ts';
import { nearestKeys, suggestion } from './nearest-keys.ts';

export interface FactsRecord {
	file: string;
	/** Line of the `key:` field (or 1). */
	line: number;
	facts: StudyFacts;
}

export interface FactsSet {
	byKey: Map<string, FactsRecord>;
	/** Keys whose facts file exists but has errors (already reported): not "missing". */
	invalid: Set<string>;
	diagnostics: Diagnostic[];
}

/** Loads and validates every facts file; `libraryKeys` are the keys of the BibTeX library. */
export function loadFacts(
	factsDir: string,
	libraryKeys: readonly string[],
	root: string = process.cwd(),
	cache: CheckCache = NO_CACHE,
): FactsSet {
	const byKey = new Map<string, FactsRecord>();
	const diagnostics: Diagnostic[] = [];
	const invalid = new Set<string>();
	if (!existsSync(factsDir)) return { byKey, invalid, diagnostics };
	const known = new Set(libraryKeys);
	for (const name of readdirSync(factsDir)
		.filter((n) => /\.ya?ml$/.test(n))
		.sort()) {
		const path = join(factsDir, name);
		const file = displayPath(root, path);
		const fileKey = name.replace(/\.ya?ml$/, '');
		// A file that passed before, byte for byte, passes again: its data and key line come from the
		// cache (the checks against the library below still run). Unreadable files go the long way.
		let source: string | undefined;
		try {
			source = readFileSync(path, 'utf8');
		} catch {
			source = undefined;
		}
		const hit = source === undefined ? undefined : cache.get<CachedFacts>('facts', source);
		const {
			data,
			line,
			diagnostics: found,
		} = hit ? { ...hit, diagnostics: [] } : readFacts(path, file, fileKey);
		if (!hit && found.length === 0 && data && source !== undefined)
			cache.set('facts', source, { data, line } satisfies CachedFacts);
		diagnostics.push(...found);
		if (!data) {
			invalid.add(fileKey);
			continue;
		}
		const facts = data;
		if (facts.key !== fileKey) {
			diagnostics.push({
				code: 'invalid-facts',
				file,
				line,
				column: 1,
				key: facts.key,
				message: `The key "${facts.key}" does not match the file name "${name}".`,
				hint: `Name the file "${facts.key}.yaml" or set \`key: ${fileKey}\`.`,
			});
		}
		if (!known.has(facts.key)) {
			diagnostics.push({
				code: 'facts-without-entry',
				file,
				line,
				column: 1,
				key: facts.key,
				message: `There is no BibTeX entry "${facts.key}" in references/*.bib.${suggestion(nearestKeys(facts.key, libraryKeys))}`,
				hint: "Add the study's BibTeX entry to a file in references/, or fix the key to match its entry.",
			});
		}
		byKey.set(facts.key, { file, line, facts });
	}
	return { byKey, invalid, diagnostics };
}

interface CachedFacts {
	data: StudyFacts;
	/** Line of the `key:` field. */
	line: number;
}

/** Reads and validates one facts file (YAML parse, schema, text safety). */
function readFacts(
	path: string,
	file: string,
	fileKey: string,
): { data: StudyFacts | undefined; line: number; diagnostics: Diagnostic[] } {
	const read = readYamlFile(path, file, studyFactsSchema, {
		code: 'invalid-facts',
		key: fileKey,
		identifierFields: ['key', 'sources'],
		yamlHint:
			'Compare the indentation and quoting with another facts file; quote text that contains `: `.',
		schemaHint:
			'See the field descriptions in src/lib/evidence/facts-schema.ts (designs, conditions, n as a positive whole number or null).',
	});
	return {
		data: read.data,
		line: read.data ? read.positionOf(['key']).line : 1,
		diagnostics: read.diagnostics,
	};
}
