/**
 * `npm run check` (first half): checks the evidence library, the facts files and every citation in
 * the pages, and prints every problem at once as `file:line:column error [code] key: message`.
 * Exits 1 when there is any problem. Options: --root <dir> (default: the current directory).
 */
import { checkProject } from '../src/lib/evidence/check-project.ts';
import { formatDiagnostic } from '../src/lib/evidence/diagnostics.ts';

const rootFlag = process.argv.indexOf('--root');
const root = rootFlag >= 0 ? process.argv[rootFlag + 1]! : process.cwd();
const started = performance.now();
const { diagnostics, counts } = checkProject({ root });
const ms = Math.round(performance.now() - started);

if (diagnostics.length > 0) {
	console.error(diagnostics.map(formatDiagnostic).join('\n\n'));
	console.error(
		`\n✗ ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in the evidence library or its citations (${ms} ms).`,
	);
	process.exit(1);
}
console.log(
	`✓ evidence: ${counts.parsedEntries} of ${counts.rawEntries} BibTeX entries parsed from ${counts.files} files, ` +
		`${counts.facts} facts files, ${counts.citations} citations in ${counts.pages} pages, 0 problems (${ms} ms).`,
);
