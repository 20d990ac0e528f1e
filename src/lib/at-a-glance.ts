/**
 * "At a glance": the clinician bottom line and its certainty, repeated at the top of a condition
 * page with links to the page's main sections, so a reader sees the answer on the first screen
 * instead of four screens down.
 *
 * It reads the page's own rendered bottom-line box (components/BottomLine.astro), so the page text
 * stays in one place (content/). The copy drops every `id` (the original keeps them: reference-list
 * back-links and the box's label point there), its citation clusters are marked as copies, and it
 * is hidden from search, which indexes the original.
 */

export interface Glance {
	/** The certainty badge's HTML, as the bottom-line box shows it. */
	badge: string;
	/** The bottom line's paragraphs, ids removed. */
	body: string;
	/** Sections of the page to jump to, in page order; only those the page has. */
	links: { href: string; label: string }[];
}

/** Where the box links to, if the page has a heading with that id. */
export const GLANCE_SECTIONS: readonly { id: string; label: string }[] = [
	{ id: 'in-plain-words', label: 'In plain words' },
	{ id: 'for-clinicians', label: 'For clinicians' },
	{ id: 'summary-of-findings', label: 'Summary of findings' },
	{ id: 'side-effects-and-risks', label: 'Side effects' },
];

const BOX = /<section class="kpe-bottom-line"[^>]*>([\s\S]*?)<\/section>/;
const TITLE = /<p class="kpe-bottom-line-title"[^>]*>([\s\S]*?)<\/p>/;
const BADGE = /<a class="kpe-certainty\b[^>]*>[\s\S]*?<\/a>/;

/** The bottom line of a rendered page, or null when the page has none. */
export function readGlance(html: string): Glance | null {
	const box = BOX.exec(html);
	if (!box) return null;
	const inner = box[1] ?? '';
	const title = TITLE.exec(inner);
	const badge = title ? BADGE.exec(title[1] ?? '') : null;
	if (!title || !badge) return null;
	const body = inner
		.replace(title[0], '')
		.replace(/\s+id="[^"]*"/g, '')
		// A copy of a citation, not a place the reference list links back to.
		.replace(/class="kpe-cite"/g, 'class="kpe-cite-copy"')
		.trim();
	const links = GLANCE_SECTIONS.filter(({ id }) => html.includes(`id="${id}"`)).map(
		({ id, label }) => ({ href: `#${id}`, label }),
	);
	return { badge: badge[0], body, links };
}
