/**
 * Evidence problems as GitHub Actions shows them: one `::error` workflow command per problem (an
 * annotation on the pull request's "Files changed" tab, at the file and line) and a Markdown job
 * summary listing them all. Used by `npm run check` when `GITHUB_ACTIONS` is set.
 *
 * Escaping follows the Actions runner (actions/toolkit `core/src/command.ts`): in the message `%`,
 * CR and LF are percent-encoded; in properties (`file`, `title`) also `:` and `,`. Without it, a
 * message with a newline would be cut there, and a title with a comma would end early.
 */
import { docsLink, type Diagnostic } from './diagnostics.ts';
import { escapeHtml } from '../html/serialise.ts';

/** Escapes the message part of a workflow command. */
export function escapeData(value: string): string {
	return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (`file=…`, `title=…`). */
export function escapeProperty(value: string): string {
	return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=…,line=…,col=…,title=…::message` for one problem. */
export function annotation(d: Diagnostic): string {
	const title = `[${d.code}]${d.key ? ` ${d.key}` : ''}`;
	const message = `${d.message}\nFix: ${d.hint}\nSee: ${docsLink(d.code)}`;
	return (
		`::error file=${escapeProperty(d.file)},line=${d.line},col=${d.column},` +
		`title=${escapeProperty(title)}::${escapeData(message)}`
	);
}

/** A table cell: no pipe, no line break and no HTML can break out of it. */
function cell(value: string): string {
	return escapeHtml(value).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Code in a cell, with backticks in the value handled. */
function code(value: string): string {
	return value.includes('`') ? cell(value) : `\`${cell(value)}\``;
}

export interface SummaryCounts {
	parsedEntries: number;
	rawEntries: number;
	files: number;
	facts: number;
	citations: number;
	pages: number;
}

/** The Markdown job summary: counts, then every problem with its place, what is wrong and the fix. */
export function jobSummary(diagnostics: readonly Diagnostic[], counts: SummaryCounts): string {
	const lines = [
		'## Evidence checks',
		'',
		`${counts.parsedEntries} of ${counts.rawEntries} BibTeX entries parsed from ${counts.files} files, ` +
			`${counts.facts} facts files, ${counts.citations} citations in ${counts.pages} pages.`,
		'',
	];
	if (diagnostics.length === 0) {
		lines.push('✅ No problems.', '');
		return lines.join('\n');
	}
	lines.push(
		`❌ **${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}.** Each is also shown as an annotation on the pull request's changed files.`,
		'',
		'| Where | Problem | How to fix it |',
		'| --- | --- | --- |',
	);
	for (const d of diagnostics) {
		const where = code(`${d.file}:${d.line}:${d.column}`);
		const what = `[${cell(d.code)}](${docsLink(d.code)})${d.key ? ` ${code(d.key)}` : ''}: ${cell(d.message)}`;
		lines.push(`| ${where} | ${what} | ${cell(d.hint)} |`);
	}
	lines.push('');
	return lines.join('\n');
}
