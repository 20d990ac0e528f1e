/**
 * Loads per-study facts (`references/facts/<key>.yaml`) and checks them against their schema and
 * against the library. Positions come from the YAML document, so errors point at the right line.
 */
import { existsSync, readdirSync } from 'node:fs';
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
		const read = readYamlFile(path, file, studyFactsSchema, {
			code: 'invalid-facts',
			key: fileKey,
			identifierFields: ['key', 'sources'],
			yamlHint:
				'Compare the indentation and quoting with another facts file; quote text that contains `: `.',
			schemaHint:
				'See the field descriptions in src/lib/evidence/facts-schema.ts (designs, conditions, n as a positive whole number or null).',
		});
		diagnostics.push(...read.diagnostics);
		if (!read.data) {
			invalid.add(fileKey);
			continue;
		}
		const { line } = read.positionOf(['key']);
		const facts = read.data;
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
