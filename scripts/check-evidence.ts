/**
 * `npm run check`, the editor's check after each edit (about a second; types are checked apart, by
 * `npm run typecheck` in `npm test` and CI): checks the evidence library, the facts files and every citation in
 * the pages, and prints every problem at once as `file:line:column error [code] key: message`.
 * Exits 1 when there is any problem.
 *
 * Options:
 *   --root <dir>   the project (default: the current directory)
 *   --online       also resolve the DOI and PMID of each entry added or changed since --base and
 *                  compare title, year and first author with the published record (needs network)
 *   --base <ref>   what "changed" is measured against (default: origin/main, else main)
 *   --then-astro-check   when the evidence passes, run `astro check` (the type check) too
 *
 * On GitHub Actions (`GITHUB_ACTIONS=true`) each problem is also written as an `::error`
 * annotation, and a Markdown summary of all problems goes to `$GITHUB_STEP_SUMMARY`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkProject } from '../src/engine/check/check-project.ts';
import { formatDiagnostic, sortDiagnostics } from '../src/engine/problems/diagnostics.ts';
import {
	changedEntries,
	changedLines,
	checkOnline,
	type Fetch,
} from '../src/engine/editor/online.ts';
import { annotation, jobSummary } from '../src/engine/problems/report-github.ts';
import { commandLine } from './cli.ts';

export interface CheckDependencies {
	argv: string[];
	env: Record<string, string | undefined>;
	/** Used by --online; the global fetch by default. */
	fetch?: Fetch;
	/** `git diff` output of references/ against the base; runs git by default. */
	gitDiff?: (root: string, base: string | undefined) => string;
	out?: (line: string) => void;
	err?: (line: string) => void;
}

/** The diff of references/ since the merge base with `base` (working tree included). */
function runGitDiff(root: string, base: string | undefined): string {
	const git = (...args: string[]) =>
		execFileSync('git', ['-C', root, ...args], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	const candidates = base ? [base] : ['origin/main', 'main'];
	const ref = candidates.find((r) => {
		try {
			git('rev-parse', '--verify', '--quiet', `${r}^{commit}`);
			return true;
		} catch {
			return false;
		}
	});
	if (!ref)
		throw new Error(`none of ${candidates.join(', ')} is a git commit here; pass --base <ref>`);
	const mergeBase = git('merge-base', ref, 'HEAD').trim();
	return git('diff', '--no-color', '--no-ext-diff', '--unified=0', mergeBase, '--', 'references');
}

export async function main(deps: CheckDependencies): Promise<number> {
	const { argv, env } = deps;
	const { out, err, option } = commandLine(argv, deps);
	const root = option('--root') ?? process.cwd();
	const started = performance.now();
	const evidence = checkProject({ root });
	let diagnostics = evidence.diagnostics;
	let onlineNote = '';
	if (argv.includes('--online')) {
		let diff: string;
		try {
			diff = (deps.gitDiff ?? runGitDiff)(root, option('--base'));
		} catch (error) {
			err(`✗ --online: cannot tell which entries changed: ${(error as Error).message}`);
			return 2;
		}
		const entries = changedEntries(evidence.library.all, changedLines(diff));
		const fetch = deps.fetch ?? (globalThis.fetch as unknown as Fetch);
		const online = await checkOnline(entries, fetch, { delayMs: deps.fetch ? 0 : 350 });
		diagnostics = sortDiagnostics([...diagnostics, ...online]);
		onlineNote = ` ${entries.length} changed entr${entries.length === 1 ? 'y' : 'ies'} checked online.`;
	}
	const ms = Math.round(performance.now() - started);
	const { counts } = evidence;

	if (env.GITHUB_ACTIONS === 'true') {
		for (const d of diagnostics) out(annotation(d));
		if (env.GITHUB_STEP_SUMMARY)
			appendFileSync(env.GITHUB_STEP_SUMMARY, jobSummary(diagnostics, counts));
	}
	if (diagnostics.length > 0) {
		err(diagnostics.map(formatDiagnostic).join('\n\n'));
		err(
			`\n✗ ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in the evidence library or its citations (${ms} ms).${onlineNote}`,
		);
		return 1;
	}
	out(
		`✓ evidence: ${counts.parsedEntries} of ${counts.rawEntries} BibTeX entries parsed from ${counts.files} files, ` +
			`${counts.facts} facts files, ${counts.citations} citations in ${counts.pages} pages, 0 problems (${ms} ms).${onlineNote}`,
	);
	return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const argv = process.argv.slice(2);
	let code = await main({ argv, env: process.env });
	if (code === 0 && argv.includes('--then-astro-check')) {
		code =
			spawnSync('astro', ['check'], {
				stdio: 'inherit',
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
			}).status ?? 1;
	}
	process.exitCode = code;
}
