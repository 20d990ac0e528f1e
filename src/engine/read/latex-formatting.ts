/**
 * LaTeX font commands in BibTeX titles (`{\em open}`, `\emph{…}`, `\textit{…}`, `\textbf{…}`,
 * `\textsc{…}`, `\textsuperscript{…}`), which Zotero, JabRef and Better BibTeX write for species
 * names and Latin terms, reach us from citation-js as CSL rich-text tags (`<i>open</i>`). The site
 * shows titles as plain text (in `<title>`, headings, previews and metadata alike), so those tags,
 * and only those, become their text here, before any check or renderer sees the item. Anything else
 * that reads as markup is still refused by the checks (entry-text-rules.ts).
 *
 * Written by hand: citation-js has no option to decode LaTeX formatting to plain text.
 */
import type { CslItem } from './library.ts';

/** The exact tags citation-js 0.9's BibTeX parser emits for LaTeX font and script commands. */
const FORMATTING_TAG =
	/<\/?(?:i|b|sup|sub)>|<span style="font-variant:small-caps;">|<span class="nocase">|<\/span>/g;

/** A string with citation-js' formatting tags replaced by their text. */
export function withoutFormattingTags(text: string): string {
	return text.replace(FORMATTING_TAG, '');
}

function plain(value: unknown): unknown {
	if (typeof value === 'string') return withoutFormattingTags(value);
	if (Array.isArray(value)) return value.map(plain);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
	return value;
}

/** A CSL item whose every string value is plain text. */
export function plainCslItem(item: CslItem): CslItem {
	return plain(item) as CslItem;
}
