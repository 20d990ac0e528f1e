/**
 * `npm run add-study -- <DOI or PMID>`: fetches the published record (doi.org or PubMed), writes the
 * BibTeX entry under the library's key convention in key order in references/conditions.bib (a
 * study of a condition) or references/topics.bib (anything else), and a facts stub in
 * references/facts/<key>.yaml that fails `npm run check` until it is filled in. Refuses a study the
 * library already holds (looked up in the library first, so a DOI or PMID already there gets its
 * key without any network). Prints the next steps.
 *
 * Options: --root <dir> (default: the current directory), --file <path> (override the .bib file).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { insertionOffset, prepareStudy } from '../src/engine/editor/add-study.ts';
import { loadLibrary } from '../src/engine/read/library.ts';
import { positionAt } from '../src/engine/read/position.ts';
import type { Fetch } from '../src/engine/editor/online.ts';

export interface AddStudyDependencies {
	argv: string[];
	fetch?: Fetch;
	out?: (line: string) => void;
	err?: (line: string) => void;
}

export async function main(deps: AddStudyDependencies): Promise<number> {
	const out = deps.out ?? ((line: string) => console.log(line));
	const err = deps.err ?? ((line: string) => console.error(line));
	const option = (name: string) => {
		const i = deps.argv.indexOf(name);
		return i >= 0 ? deps.argv[i + 1] : undefined;
	};
	const input = deps.argv.find(
		(a, i) => !a.startsWith('--') && !['--root', '--file'].includes(deps.argv[i - 1] ?? ''),
	);
	if (!input) {
		err(
			'Usage: npm run add-study -- <DOI or PMID>   (e.g. 10.1016/j.pain.2009.06.023 or 19604642)',
		);
		return 2;
	}
	const root = option('--root') ?? process.cwd();
	const library = loadLibrary(join(root, 'references'), root);
	const fetch = deps.fetch ?? (globalThis.fetch as unknown as Fetch);
	const result = await prepareStudy(input, library, fetch, {
		conditionsFile: option('--file') ?? 'references/conditions.bib',
		topicsFile: option('--file') ?? 'references/topics.bib',
	});
	if (!result.ok) {
		err(`✗ ${result.message}`);
		return 1;
	}
	const factsPath = join(root, result.factsFile);
	if (existsSync(factsPath)) {
		err(
			`✗ ${result.factsFile} already exists; nothing was written. Remove it or pick another key.`,
		);
		return 1;
	}
	const bibPath = join(root, result.file);
	const text = existsSync(bibPath) ? readFileSync(bibPath, 'utf8') : '';
	const at = insertionOffset(text, result.key);
	const before = text.slice(0, at).replace(/\s*$/, '');
	const after = text.slice(at);
	const updated = `${before}${before ? '\n\n' : ''}${result.entry}\n${after ? `\n${after}` : ''}`;
	writeFileSync(bibPath, updated.endsWith('\n') ? updated : `${updated}\n`);
	writeFileSync(factsPath, result.facts);
	const { line } = positionAt(updated, updated.indexOf(`@article{${result.key},`));

	out(`✓ Added "${result.key}" to ${result.file}:${line} and wrote ${result.factsFile}.\n`);
	out(result.entry);
	out('\nNext steps:');
	out(
		`  1. Open the published record and check every field above against it (title, authors, journal, year, pages).`,
	);
	out(
		`  2. Fill in ${result.factsFile} in your own words: design, n, regimen, comparator, follow-up, outcome, result,`,
	);
	out(
		'     harms; set `verified: true` only once the DOI/PMID is confirmed. `npm run check` fails until then.',
	);
	out(`  3. Cite it where a sentence relies on it: [@${result.key}]`);
	out('  4. Run `npm run check`, then `npm test`, and open a pull request (see CONTRIBUTING.md).');
	return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	process.exitCode = await main({ argv: process.argv.slice(2) });
}
