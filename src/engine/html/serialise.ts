/**
 * The one way this project writes HTML text: through hast-util-to-html, which knows what each
 * place needs escaped (text, attribute values, the raw text of `<script>` and `<style>`). Nothing
 * else escapes HTML by hand; markup is built as hast (hastscript) and serialised here or by Astro.
 */
import { toHtml, type Options } from 'hast-util-to-html';

/**
 * How a whole page is written back after a change on its tree (src/middleware.ts): as close to
 * Astro's own output as the serialiser allows (`<!DOCTYPE html>`, `hidden` rather than `hidden=""`,
 * `&amp;` rather than `&#x26;`). What differs is equivalent HTML: an SVG `<path/>` written
 * `<path></path>`, `&#39;` written `'`.
 */
export const PAGE_SERIALISATION: Options = {
	upperDoctype: true,
	collapseEmptyAttributes: true,
	characterReferences: { useNamedReferences: true },
	// `'` and `` ` `` in a double-quoted attribute as they are (a CSP's 'self'); only `"` and `&` need escaping there.
	allowDangerousCharacters: true,
	// `<meta …/>`, as Starlight writes its head.
	closeSelfClosing: true,
	tightSelfClosing: true,
};

/**
 * `text` as the content of an HTML element, `<title>` included: `&` and `<` as character
 * references (all that HTML gives meaning to there). Starlight writes `<head>` entries unescaped.
 */
export function escapeHtml(text: string): string {
	return toHtml({ type: 'text', value: text }, PAGE_SERIALISATION);
}
