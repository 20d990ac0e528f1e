/**
 * Checks and cuts for text that reaches a page, applied to text in the form a browser will see it
 * (after LaTeX decoding, after YAML parsing).
 *
 * Every function here runs in time linear in the length of its input: checks use single-character
 * classes or plain loops, never a pattern that can backtrack over a long field, so a pull request
 * cannot stall the checks with one huge field.
 */

/** `<` or `>`: in a title-like field (a heading, `<title>`, a link text) these are never legitimate. */
const MARKUP = /[<>]/;

/**
 * Characters that change how text around them is displayed without being visible themselves:
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the bidi marks
 * (U+200E, U+200F, U+061C) and zero-width characters (U+200B–U+200D, U+2060, U+FEFF). In a key or an
 * identifier they can make `10.1000/abc` display as something else, or two keys look the same.
 */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

const INVISIBLE_NAMES: Record<string, string> = {
	'\u061C': 'ARABIC LETTER MARK',
	'\u200B': 'ZERO WIDTH SPACE',
	'\u200C': 'ZERO WIDTH NON-JOINER',
	'\u200D': 'ZERO WIDTH JOINER',
	'\u200E': 'LEFT-TO-RIGHT MARK',
	'\u200F': 'RIGHT-TO-LEFT MARK',
	'\u202A': 'LEFT-TO-RIGHT EMBEDDING',
	'\u202B': 'RIGHT-TO-LEFT EMBEDDING',
	'\u202C': 'POP DIRECTIONAL FORMATTING',
	'\u202D': 'LEFT-TO-RIGHT OVERRIDE',
	'\u202E': 'RIGHT-TO-LEFT OVERRIDE',
	'\u2060': 'WORD JOINER',
	'\u2066': 'LEFT-TO-RIGHT ISOLATE',
	'\u2067': 'RIGHT-TO-LEFT ISOLATE',
	'\u2068': 'FIRST STRONG ISOLATE',
	'\u2069': 'POP DIRECTIONAL ISOLATE',
	'\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
};

export interface Found {
	/** Offset of the character in the text (UTF-16 code units). */
	index: number;
	/** The character, for messages: `"<"` or `U+202E RIGHT-TO-LEFT OVERRIDE`. */
	description: string;
}

/** The first `<` or `>` in the text, or null. */
export function findMarkup(text: string): Found | null {
	const match = MARKUP.exec(text);
	return match ? { index: match.index, description: `"${match[0]}"` } : null;
}

/** The first invisible formatting character (bidi control or zero-width) in the text, or null. */
export function findInvisible(text: string): Found | null {
	const match = INVISIBLE.exec(text);
	if (!match) return null;
	const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
	return { index: match.index, description: `U+${code} ${INVISIBLE_NAMES[match[0]] ?? ''}`.trim() };
}

/** The text with every invisible formatting character removed (for the suggested fix). */
export function withoutInvisible(text: string): string {
	return text.replace(new RegExp(INVISIBLE.source, 'g'), '');
}

/** The text with `<` and `>` replaced by words a reader understands, for the suggested fix. */
export function withoutMarkup(text: string): string {
	return text.replace(/</g, ' less than ').replace(/>/g, ' greater than ').replace(/ {2,}/g, ' ');
}

/**
 * Cuts text to at most `max` characters (code points) plus an ellipsis, at a word break when there is
 * one in the last third, otherwise in the middle of the word. Works on code points, so it never
 * splits a surrogate pair; cut plain text and escape afterwards, so it never splits an HTML escape.
 */
export function truncateText(text: string, max: number): string {
	// Only the first max + 1 code points matter: a 1 MB field is not split into a million strings.
	const chars: string[] = [];
	for (const char of text) {
		chars.push(char);
		if (chars.length > max) break;
	}
	if (chars.length <= max) return text;
	let cut = max;
	const floor = Math.floor((max * 2) / 3);
	for (let i = max; i > floor; i--) {
		if (/\s/.test(chars[i]!)) {
			cut = i;
			break;
		}
	}
	// Never end on a combining mark's base without its mark: step back over trailing marks.
	while (cut > 0 && /\p{M}/u.test(chars[cut]!)) cut--;
	return `${chars.slice(0, cut).join('').trimEnd()}…`;
}
