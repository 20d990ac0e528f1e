import type { HTMLElement } from 'node-html-parser';
import { readPage, visibleText } from './dist.ts';

/** The two layers of a condition or topic page, as the blocks a reader sees between their headings. */
export interface Layers {
	page: HTMLElement;
	plain: HTMLElement[];
	clinician: HTMLElement[];
}

function headingIndex(children: HTMLElement[], id: string): number {
	return children.findIndex((el) => el.id === id || el.querySelector(`h2#${id}`) !== null);
}

export function readLayers(path: string): Layers {
	const page = readPage(path);
	const content = page.querySelector('main .sl-markdown-content')!;
	const children = content.childNodes.filter((n): n is HTMLElement => n.nodeType === 1);
	const plain = headingIndex(children, 'in-plain-words');
	const clinician = headingIndex(children, 'for-clinicians');
	const references = headingIndex(children, 'references');
	if (plain < 0 || clinician < 0)
		throw new Error(`${path}: no "In plain words" / "For clinicians" headings`);
	return {
		page,
		plain: children.slice(plain + 1, clinician),
		clinician: children.slice(clinician + 1, references < 0 ? undefined : references),
	};
}

/** Paragraph and list-item text of a layer, without headings, citations or tables, for readability. */
export function proseBlocks(blocks: HTMLElement[]): string[] {
	const out: string[] = [];
	for (const block of blocks) {
		if (block.classList.contains('sl-heading-wrapper') || /^H[1-6]$/.test(block.tagName)) continue;
		const clone = block.clone() as HTMLElement;
		for (const el of clone.querySelectorAll(
			'.kpe-cite, .kpe-gloss-preview, table, h1, h2, h3, h4, h5, h6, .sl-heading-wrapper',
		))
			el.remove();
		const items = clone.querySelectorAll('p, li');
		const texts = items.length ? items.map((el) => visibleText(el)) : [visibleText(clone)];
		out.push(...texts.map((t) => t.replace(/\[\d+(?:[–,]\s?\d+)*\]/g, '').trim()).filter(Boolean));
	}
	return out;
}

/**
 * Paragraphs, list items and table rows of a layer that state something, which must each cite the
 * library. Left out: headings, footnotes that explain a rating, the bottom-line title and claim
 * verdict lines, links to related claims, the bibliography, and blocks marked `kpe-no-claim`
 * (a proposed trial, a question, crisis phone numbers).
 */
export function claimUnits(blocks: HTMLElement[]): HTMLElement[] {
	const skipInside = ['.kpe-sof-notes', '.kpe-no-claim', '.kpe-claim-links', '.kpe-references'];
	const skipClass = ['kpe-bottom-line-title', 'kpe-claim-verdict', 'kpe-claim-related'];
	const units: HTMLElement[] = [];
	for (const block of blocks) {
		if (block.classList.contains('sl-heading-wrapper')) continue;
		const candidates = block.tagName === 'P' ? [block] : block.querySelectorAll('p, li, tbody tr');
		units.push(
			...candidates.filter(
				(el) =>
					!skipInside.some((selector) => el.closest(selector)) &&
					!skipClass.some((name) => el.classList.contains(name)),
			),
		);
	}
	return units;
}
