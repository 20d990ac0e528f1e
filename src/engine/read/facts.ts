/**
 * Loads per-study facts (`references/facts/<key>.yaml`) and checks them against their schema and
 * against the library. Positions come from the YAML document, so errors point at the right line.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlFile, type YamlFileOptions } from './yaml-file.ts';
import type { Diagnostic } from '../problems/diagnostics.ts';
import { studyFactsSchema, type StudyFacts } from './facts-schema.ts';
import { displayPath } from './library.ts';
import { nearestKeys, suggestion } from '../problems/nearest-keys.ts';
import { factsStubLines } from './facts-stub.ts';
import { intervalProblems } from './intervals.ts';

export interface FactsRecord {
	file: string;
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
		const read = readFacts(path, file, fileKey);
		diagnostics.push(...read.diagnostics);
		if (!read.data) {
			invalid.add(fileKey);
			continue;
		}
		// The line of `key:`, looked up only for a problem to report.
		const keyLine = read.keyLine;
		const facts = read.data;
		if (facts.key !== fileKey) {
			diagnostics.push({
				code: 'invalid-facts',
				file,
				line: keyLine(),
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
				line: keyLine(),
				column: 1,
				key: facts.key,
				message: `There is no BibTeX entry "${facts.key}" in references/*.bib.${suggestion(nearestKeys(facts.key, libraryKeys))}`,
				hint: "Add the study's BibTeX entry to a file in references/, or fix the key to match its entry.",
			});
		}
		byKey.set(facts.key, { file, facts });
	}
	return { byKey, invalid, diagnostics };
}

/** Reads and validates one facts file (YAML parse, schema, text safety). */
function readFacts(
	path: string,
	file: string,
	fileKey: string,
): { data: StudyFacts | undefined; keyLine: () => number; diagnostics: Diagnostic[] } {
	const options: YamlFileOptions = {
		code: 'invalid-facts',
		key: fileKey,
		identifierFields: ['key', 'sources'],
		yamlHint:
			'Compare the indentation and quoting with another facts file; quote text that contains `: `.',
		schemaHint:
			'See the field descriptions in src/engine/read/facts-schema.ts (designs, conditions, n as a positive whole number or null).',
		unfinished: {
			code: 'unfinished-facts',
			hint: (fields) =>
				`Write ${fields.length === 0 ? 'the file' : fields.map((f) => `\`${f}\``).join(', ')} from the study's published record, starting from:\n${factsStubLines(fileKey, fields)}`,
			todoHint:
				'Write what the published record says in place of TODO; if the record does not give it, delete the line (`key`, `verified`, `design` and `n` must stay, and `result` or `keyFacts` must say what the study found).',
		},
	};
	const read = readYamlFile(path, file, studyFactsSchema, options);
	const diagnostics = [...read.diagnostics];
	const data = read.data;
	if (data) {
		// Complete means a reader learns what the study found and finds it on some page.
		const unfinished = (field: string, message: string, hint: string) =>
			diagnostics.push({
				code: 'unfinished-facts',
				file,
				...read.positionOf([field]),
				key: fileKey,
				message,
				hint,
			});
		// An interval written backwards or missing its estimate is a slip no reader can see.
		const texts: [(string | number)[], string | undefined][] = [
			...(['result', 'outcome', 'adverseEffects', 'comparator', 'caveats'] as const).map(
				(f): [(string | number)[], string | undefined] => [[f], data[f]],
			),
			...data.keyFacts.map((t, i): [(string | number)[], string] => [['keyFacts', i], t]),
		];
		for (const [path, text] of texts) {
			if (!text) continue;
			for (const problem of intervalProblems(text))
				diagnostics.push({
					code: 'implausible-interval',
					file,
					...read.positionOf(path),
					key: fileKey,
					message: `Field "${path.join('.')}": ${problem.message}`,
					hint: problem.fix,
				});
		}
		if (!data.result && data.keyFacts.length === 0)
			unfinished(
				'result',
				'The facts say nothing about what the study found: there is neither `result` nor `keyFacts`.',
				'Add `result:` (what a trial found, with its numbers) or `keyFacts:` (one finding per item, for reviews, guidelines and mechanism sources).',
			);
		if (data.conditions.length === 0 && data.topics.length === 0)
			unfinished(
				'conditions',
				'The study is placed on no page: `conditions` and `topics` are both empty.',
				`Name the conditions it enrolled people with (\`conditions: [fibromyalgia]\`; one of the slugs in src/engine/read/taxonomy.ts) or the topics it informs (\`topics: [safety]\`). BibTeX \`keywords\` do not place a study.`,
			);
	}
	return {
		data: diagnostics.length === read.diagnostics.length ? data : undefined,
		keyLine: () => (read.data ? read.positionOf(['key']).line : 1),
		diagnostics,
	};
}
