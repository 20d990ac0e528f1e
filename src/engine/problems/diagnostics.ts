/**
 * Problems found in the evidence library or in the pages that cite it.
 *
 * Every problem names the place (file:line:column), the entry key when there is one, what is wrong
 * and how to fix it, and links to the CONTRIBUTING.md section that explains it. The checks collect
 * every problem before stopping, so an editor fixes them all in one go.
 */

/** A stable name per kind of problem; each has a section in CONTRIBUTING.md. */
export type DiagnosticCode =
	| 'malformed-bibtex'
	| 'duplicate-key'
	| 'unknown-citation'
	| 'invalid-directive'
	| 'invalid-component'
	| 'missing-identifier'
	| 'malformed-doi'
	| 'malformed-pmid'
	| 'unsafe-url'
	| 'html-in-field'
	| 'markup-in-field'
	| 'invisible-character'
	| 'missing-field'
	| 'implausible-year'
	| 'duplicate-identifier'
	| 'facts-without-entry'
	| 'table-entry-without-facts'
	| 'invalid-facts'
	| 'unfinished-facts'
	| 'keyword-not-in-facts'
	| 'control-character'
	| 'too-large'
	| 'invalid-frontmatter'
	| 'implausible-interval'
	| 'invalid-claim'
	| 'invalid-glossary'
	| 'dropped-entry'
	| 'not-utf8'
	| 'empty-library'
	| 'unreadable-file'
	| 'duplicate-field'
	| 'unknown-macro'
	| 'unknown-crossref'
	| 'unknown-entry-type'
	| 'invalid-key'
	| 'unreadable-citation'
	| 'citation-in-link'
	| 'unreadable-page'
	| 'cited-without-facts'
	| 'likely-duplicate'
	| 'online-mismatch'
	| 'online-unresolved'
	| 'invalid-watch-protocol'
	| 'missing-watch-protocol'
	| 'invalid-watch-decision'
	| 'unknown-exclusion-reason'
	| 'conflicting-decisions'
	| 'decision-without-record'
	| 'invalid-watch-run'
	| 'cites-retracted'
	| 'certainty-mismatch'
	| 'inconsistency-outside-row'
	| 'graded-without-study'
	| 'invalid-grading'
	| 'certainty-wording'
	| 'invalid-counts';

export interface Diagnostic {
	code: DiagnosticCode;
	/** Path relative to the project root, with forward slashes. */
	file: string;
	/** 1-based line. */
	line: number;
	/** 1-based column. */
	column: number;
	/** The BibTeX key concerned, when there is one. */
	key?: string | undefined;
	/** What is wrong, in one sentence. */
	message: string;
	/** How to fix it, in one sentence. */
	hint: string;
}

/** Where each code is explained for editors. */
export function docsLink(code: DiagnosticCode): string {
	return `CONTRIBUTING.md#${code}`;
}

/** One problem as the terminal shows it: `file:line:col error [code] key: message` plus fix and docs. */
export function formatDiagnostic(d: Diagnostic): string {
	const key = d.key ? ` ${d.key}:` : '';
	return [
		`${d.file}:${d.line}:${d.column} error [${d.code}]${key} ${d.message}`,
		`    fix: ${d.hint}`,
		`    see: ${docsLink(d.code)}`,
	].join('\n');
}

/** Thrown by the build when the checks found problems; its message lists them all. */
export class EvidenceCheckError extends Error {
	readonly diagnostics: readonly Diagnostic[];
	constructor(diagnostics: readonly Diagnostic[]) {
		super(
			`The evidence checks found ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}:\n\n` +
				diagnostics.map(formatDiagnostic).join('\n\n'),
		);
		this.name = 'EvidenceCheckError';
		this.diagnostics = diagnostics;
	}
}

/** Sorts problems by file, then position, so output is stable and reads top to bottom. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
	return [...list].sort(
		(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
	);
}
