/**
 * Decodes a BibTeX file's bytes. The library is UTF-8; anything else is reported with the command
 * that converts it, and still decoded as well as it can be so its entries are counted and checked
 * (nothing is dropped silently, and the editor sees every other problem in the same run).
 *
 * Exporters that write something else: Windows Notepad and some reference managers save UTF-16
 * (with a byte-order mark, or without one), older tools Latin-1 / Windows-1252.
 */
import type { Diagnostic } from '../problems/diagnostics.ts';

export interface DecodedFile {
	/** The text, or undefined when the bytes cannot be decoded at all. */
	text: string | undefined;
	diagnostics: Diagnostic[];
}

/** UTF-16 without a byte-order mark: ASCII text has a zero byte in every other position. */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const sample = bytes.subarray(0, Math.min(bytes.length, 4000) & ~1);
	if (sample.length < 4) return undefined;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < sample.length; i += 2) {
		if (sample[i] === 0) evenZeros++;
		if (sample[i + 1] === 0) oddZeros++;
	}
	const pairs = sample.length / 2;
	if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
	if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
	return undefined;
}

/** Line of the first byte sequence that is not UTF-8. */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
	let line = 1;
	let lineStart = 0;
	const decoder = new TextDecoder('utf-8', { fatal: true });
	for (let i = 0; i <= bytes.length; i++) {
		if (i === bytes.length || bytes[i] === 10) {
			try {
				decoder.decode(bytes.subarray(lineStart, i));
			} catch {
				return line;
			}
			line++;
			lineStart = i + 1;
		}
	}
	return line;
}

export function decodeBibFile(bytes: Uint8Array, file: string): DecodedFile {
	const convert = (from: string) =>
		`Save the file as UTF-8 (in Zotero/Better BibTeX: export with UTF-8 encoding), or convert it: \`iconv -f ${from} -t UTF-8 ${file} > tmp.bib && mv tmp.bib ${file}\`.`;
	const report = (line: number, message: string, from: string): Diagnostic => ({
		code: 'not-utf8',
		file,
		line,
		column: 1,
		message,
		hint: convert(from),
	});
	// UTF-8 with a byte-order mark is still UTF-8: drop the mark.
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
	let utf16: { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | undefined;
	if (bytes[0] === 0xff && bytes[1] === 0xfe) utf16 = { encoding: 'utf-16le', bom: true };
	else if (bytes[0] === 0xfe && bytes[1] === 0xff) utf16 = { encoding: 'utf-16be', bom: true };
	else {
		const guess = guessBomlessUtf16(bytes);
		if (guess) utf16 = { encoding: guess, bom: false };
	}
	if (utf16) {
		const text = new TextDecoder(utf16.encoding).decode(bytes);
		return {
			text,
			diagnostics: [
				report(
					1,
					`This file is not valid UTF-8: it is ${utf16.encoding.toUpperCase()} (${utf16.bom ? 'with' : 'without'} a byte-order mark).`,
					utf16.encoding.toUpperCase(),
				),
			],
		};
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics: [] };
	} catch {
		// Most often Latin-1 / Windows-1252 from an older tool: decode as that, so entries still count.
		return {
			text: new TextDecoder('windows-1252').decode(bytes),
			diagnostics: [
				report(
					firstInvalidUtf8Line(bytes),
					'This file is not valid UTF-8 (it looks like Latin-1 or Windows-1252).',
					'WINDOWS-1252',
				),
			],
		};
	}
}
