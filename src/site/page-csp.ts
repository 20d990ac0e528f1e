/**
 * Each page's Content-Security-Policy lists only the hashes of the inline scripts and styles that
 * page has. Astro writes one `<meta http-equiv="content-security-policy">` with every hash the
 * site might need (Starlight's inline scripts for every layout, all bundled inline styles): 27 on a
 * condition page that carries 11, about 1.5 KB of base64 that does not compress. A hash a page
 * does not use allows nothing there, so dropping it changes what runs on no page, and each page
 * then allows exactly what it holds (a stricter policy, not a looser one).
 *
 * Plain string work on Astro's finished HTML: `<script>` and `<style>` bodies end at the first
 * `</script>` or `</style>` (the HTML parsing rule), and the CSP tag is Astro's own output.
 */
import { createHash } from 'node:crypto';

const CSP_META = /(<meta\s+http-equiv="content-security-policy"\s+content=")([^"]*)(")/i;
const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
/** Scripts the browser does not run as script (data blocks): their hashes never matter. */
const DATA_TYPE = /\btype\s*=\s*["']?(application\/(ld\+)?json|text\/plain)/i;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The hashes of the inline scripts and styles in `html`, by directive. */
export function inlineHashes(html: string): { script: Set<string>; style: Set<string> } {
	const script = new Set<string>();
	const style = new Set<string>();
	for (const [, tag, attributes, body] of html.matchAll(INLINE)) {
		if (tag!.toLowerCase() === 'style') style.add(sha256(body!));
		else if (!/\bsrc\s*=/i.test(attributes!) && !DATA_TYPE.test(attributes!))
			script.add(sha256(body!));
	}
	return { script, style };
}

/** `html` with its CSP tag's hash sources cut to the inline scripts and styles it holds. */
export function trimPolicyHashes(html: string): string {
	const meta = CSP_META.exec(html);
	if (!meta) return html;
	const used = inlineHashes(html);
	const policy = meta[2]!
		.split(';')
		.map((directive) => {
			const [name, ...sources] = directive.trim().split(/\s+/);
			const keep =
				name === 'script-src' ? used.script : name === 'style-src' ? used.style : undefined;
			if (!keep) return directive.trim();
			return [name, ...sources.filter((s) => !s.startsWith("'sha256-") || keep.has(s))].join(' ');
		})
		.join(';');
	return (
		html.slice(0, meta.index) + meta[1] + policy + meta[3] + html.slice(meta.index + meta[0].length)
	);
}
