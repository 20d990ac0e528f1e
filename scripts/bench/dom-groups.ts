/**
 * Where a built page's elements are: each element counted once, in the first group (in the order
 * below) that it or an ancestor belongs to. Lighthouse counts the same elements (its DOM-size
 * figure), so this says which part of a page to make leaner.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Groups, most specific first: an icon array inside the at-a-glance box counts as an icon array. */
export const GROUPS: [name: string, selector: string][] = [
	['icon arrays', 'figure.kpe-icon-array'],
	['citation previews', '.kpe-cite-preview'],
	['citation markers', '.kpe-cite, a.kpe-cite-link'],
	['backlinks', '.kpe-backlinks, a.kpe-backlink, .kpe-backlinks-more'],
	['reference list (rest)', '.kpe-references'],
	['heading anchor links', '.sl-anchor-link'],
	['summary of findings', '.kpe-sof'],
	['other tables', 'table, .kpe-table-scroll'],
	['at a glance (rest)', '.kpe-glance'],
	['page sidebar (site nav)', 'nav.sidebar'],
	['table of contents', '.right-sidebar-container'],
	['site header', 'header.header'],
	['head', 'head'],
	['other page content', 'main'],
];

/** Elements per group, and the total (every element, `<html>` included), of one built page. */
export function elementGroups(html: string): { total: number; groups: Map<string, number> } {
	const root = parse(html);
	// A template's content is not part of the document (browsers and Lighthouse do not count it):
	// the parser here reads it as children, so it is set aside.
	for (const template of root.querySelectorAll('template')) template.set_content('');
	const all = root.querySelectorAll('*');
	const groupOf = new Map<HTMLElement, string>();
	// Least specific first, so that a more specific group overwrites it.
	for (const [name, selector] of [...GROUPS].reverse())
		for (const top of root.querySelectorAll(selector))
			for (const el of [top, ...top.querySelectorAll('*')]) groupOf.set(el, name);
	const groups = new Map<string, number>([...GROUPS.map(([n]) => [n, 0] as const), ['rest', 0]]);
	for (const el of all) {
		const group = groupOf.get(el) ?? 'rest';
		groups.set(group, groups.get(group)! + 1);
	}
	return { total: all.length, groups };
}

export function pageGroups(dist: string, path: string): ReturnType<typeof elementGroups> {
	return elementGroups(readFileSync(join(dist, path, 'index.html'), 'utf8'));
}
