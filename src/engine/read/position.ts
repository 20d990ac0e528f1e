/**
 * Where something is in a file, as every diagnostic reports it: a line and a column, both counted
 * from 1, the column in UTF-16 code units (as editors and Astro's overlay count them). Every
 * offset-to-position step in the project goes through here, so the check, the build and the dev
 * overlay name the same place.
 */

export interface Position {
	line: number;
	column: number;
}

/**
 * Many positions in one text (a BibTeX file, a page scanned for citations): the line starts are
 * found once, then each lookup is a binary search, O(log n).
 */
export class LineIndex {
	readonly #starts: number[] = [0];
	constructor(text: string) {
		for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#starts.push(i + 1);
	}
	at(offset: number): Position {
		let lo = 0;
		let hi = this.#starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.#starts[mid]! <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: offset - this.#starts[lo]! + 1 };
	}
}

/**
 * One position in a text: scans only up to `offset` (an offset past the end counts to the end).
 * Use `LineIndex` for many lookups in the same text.
 */
export function positionAt(text: string, offset: number): Position {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(Math.max(offset, 0), text.length);
	for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: end - lineStart + 1 };
}

/**
 * A position inside a piece of text, made a position in the file that holds it: `inner` counts from
 * the piece's first character, which sits at `start` in the file.
 */
export function shiftPosition(start: Position, inner: Position): Position {
	return inner.line === 1
		? { line: start.line, column: start.column + inner.column - 1 }
		: { line: start.line + inner.line - 1, column: inner.column };
}

/** The position of `offset` characters into a text that starts at `start` in its file. */
export function positionIn(start: Position, text: string, offset: number): Position {
	return shiftPosition(start, positionAt(text, offset));
}
