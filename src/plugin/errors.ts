/** Evidence problems as Astro errors: message and hint in the terminal, file and line in the dev overlay. */
import { resolve } from 'node:path';
import { AstroError } from 'astro/errors';
import { formatDiagnostic, type Diagnostic } from '../engine/problems/diagnostics.ts';

/** Where Astro's dev overlay and terminal look for the file and line of an error. */
interface Located {
	loc?: { file: string; line: number; column: number };
}

/** Every problem in one error; the overlay opens the first one's file at its line. */
export function evidenceError(diagnostics: readonly Diagnostic[], root: string): AstroError {
	const count = `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}`;
	const error = new AstroError(
		`The evidence checks found ${count}:\n\n${diagnostics.map(formatDiagnostic).join('\n\n')}`,
		'Fix each problem at the file:line:column shown; `npm run check` lists them again without building.',
	) as AstroError & Located;
	const first = diagnostics[0];
	if (first)
		error.loc = { file: resolve(root, first.file), line: first.line, column: first.column };
	// The message already says where each problem is; a stack trace of our own code would only hide it.
	error.stack = '';
	return error;
}

/**
 * A problem found while a page renders (an unknown key, a directive attribute). MDX reads `line`
 * and `column` from the error to point the overlay and the terminal at the page's own line.
 */
export class PageError extends Error {
	readonly line: number | undefined;
	readonly column: number | undefined;
	constructor(message: string, position: { line: number; column: number } | undefined) {
		// The position leads the message too: a .md page's render error is only logged as text.
		super(position ? `${position.line}:${position.column}: ${message}` : message);
		this.name = 'EvidencePageError';
		this.line = position?.line;
		this.column = position?.column;
	}
}
