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
