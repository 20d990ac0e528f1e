import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, HTMLElement, type Node } from 'node-html-parser';
import { DIST } from './paths.ts';

/** Every HTML page of the built site, as URL paths (`/conditions/crps/`). */
export function builtPages(): string[] {
	const pages: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(path);
			} else if (entry.name.endsWith('.html')) {
				const rel = relative(DIST, path).split(sep).join('/');
				pages.push('/' + rel.replace(/index\.html$/, '').replace(/\.html$/, ''));
			}
		}
	};
	walk(DIST);
	return pages.sort();
}

/** Reads one built page (`/conditions/crps/`) and parses it. */
export function readPage(urlPath: string): HTMLElement {
	const file = urlPath.endsWith('/') ? `${urlPath}index.html` : `${urlPath}.html`;
	return parse(readFileSync(join(DIST, file), 'utf8'));
}

/**
 * The text a reader sees in an element, with runs of white space collapsed. Elements with the
 * `hidden` attribute are skipped (the search synonyms added to pages, src/site/search/index-markup.ts),
 * and so are tooltips (a glossary term's meaning, shown only while its link is hovered or focused).
 */
export function visibleText(element: HTMLElement | null | undefined): string {
	return (element ? shownText(element) : '').replace(/\s+/g, ' ').trim();
}

function shownText(node: Node): string {
	if (node instanceof HTMLElement)
		return node.hasAttribute('hidden') || node.getAttribute('role') === 'tooltip'
			? ''
			: node.childNodes.map(shownText).join('');
	return node.textContent;
}

/** The library key of a reference-list entry (`<li id="ref-noppers2011absence">`). */
export function referenceKey(li: HTMLElement): string {
	return li.id.replace(/^ref-/, '');
}
