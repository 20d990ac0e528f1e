/**
 * Each page's Content-Security-Policy lists only the hashes of the inline scripts and styles that
 * page has. Astro writes one `<meta http-equiv="content-security-policy">` with every hash the
 * site might need (Starlight's inline scripts for every layout, all bundled inline styles): 27 on a
 * condition page that carries 11, about 1.5 KB of base64 that does not compress. A hash a page
 * does not use allows nothing there, so dropping it changes what runs on no page, and each page
 * then allows exactly what it holds (a stricter policy, not a looser one).
 *
 * Why not Astro's CSP alone (`security.csp`, which writes the tag): its hashes are collected for
 * the whole build (the config's, and every inline style of every page), and its runtime API
 * (`Astro.csp.insertScriptHash`) can only add; nothing a page renders can take a hash away. So the
 * finished page's tree is read here: its inline `<script>` and `<style>` elements, and Astro's tag.
 */
import { createHash } from 'node:crypto';
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

/** Scripts the browser does not run as script (data blocks): their hashes never matter. */
const DATA_TYPES = new Set(['application/json', 'application/ld+json', 'text/plain']);

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function elements(nodes: readonly RootContent[], found: Element[] = []): Element[] {
	for (const node of nodes) {
		if (node.type !== 'element') continue;
		found.push(node);
		elements(node.children, found);
		if (node.content) elements(node.content.children, found);
	}
	return found;
}

/** The hashes of the inline scripts and styles in `tree`, by directive (a browser hashes the element's text). */
export function inlineHashes(tree: Root): { script: Set<string>; style: Set<string> } {
	const script = new Set<string>();
	const style = new Set<string>();
	for (const node of elements(tree.children)) {
		if (node.tagName === 'style') style.add(sha256(toString(node)));
		else if (
			node.tagName === 'script' &&
			node.properties.src === undefined &&
			!DATA_TYPES.has(String(node.properties.type ?? '').toLowerCase())
		)
			script.add(sha256(toString(node)));
	}
	return { script, style };
}

/** Astro's CSP tag in `tree`, if the page has one. */
function policyTag(tree: Root): Element | undefined {
	return elements(tree.children).find(
		(node) =>
			node.tagName === 'meta' &&
			[node.properties.httpEquiv].flat().join(' ').toLowerCase() === 'content-security-policy',
	);
}

/**
 * The hashes of the `<style>` elements in the page's head, which only the build writes (page text
 * goes into the body, and Markdown cannot reach the head). Astro's list misses some of them: the
 * styles of Starlight components an MDX page uses (the home page's cards), which Astro 7 adds to
 * that page's head but hashes only for styles that belong to a whole route.
 */
function headStyleHashes(tree: Root): string[] {
	const head = elements(tree.children).find((node) => node.tagName === 'head');
	return head ? [...inlineHashes({ type: 'root', children: [head] }).style] : [];
}

/**
 * Cuts the hash sources of `tree`'s CSP tag to the inline scripts and styles it holds, and adds
 * those of the head's styles that Astro's list misses.
 */
export function trimPolicyHashes(tree: Root): void {
	const meta = policyTag(tree);
	if (!meta || typeof meta.properties.content !== 'string') return;
	const used = inlineHashes(tree);
	meta.properties.content = meta.properties.content
		.split(';')
		.map((directive) => {
			const [name, ...sources] = directive.trim().split(/\s+/);
			const keep =
				name === 'script-src' ? used.script : name === 'style-src' ? used.style : undefined;
			if (!keep) return directive.trim();
			const kept = sources.filter((s) => !s.startsWith("'sha256-") || keep.has(s));
			const missing =
				name === 'style-src' ? headStyleHashes(tree).filter((h) => !kept.includes(h)) : [];
			return [name, ...kept, ...missing].join(' ');
		})
		.join(';');
}
