/**
 * Citation previews, improved where a script runs (without one, hover and keyboard focus still show
 * a reference's first citation's preview, and every number still links to the reference list):
 * - a later citation of a reference shows the same preview: the page holds it once, in the first
 *   citation (a copy in each would make citation-heavy pages heavier), so it is copied in from the
 *   elements the link is named (or, a range, described) by when first hovered, focused or tapped;
 * - on a touch screen, the first tap on a citation number shows its preview and the second follows
 *   the link (a tap has no hover, so the preview was skipped and the page jumped to the references);
 * - a preview is moved sideways to stay inside the content column, never under "On this page".
 */
const LINK = '.kpe-cite-link';
const OPEN = 'kpe-cite-open';

let lastPointer = 'mouse';

/**
 * The link's preview: its own, or a copy of the previews it is named or described by (hidden from
 * screen readers, which hear those as the link's name or description).
 */
function previewOf(link: HTMLElement): HTMLElement | null {
	const own = link.querySelector<HTMLElement>('.kpe-cite-preview');
	if (own) return own;
	const texts = (
		link.getAttribute('aria-labelledby') ??
		link.getAttribute('aria-describedby') ??
		''
	)
		.split(' ')
		.map((id) => document.getElementById(id)?.textContent ?? '')
		.filter(Boolean);
	if (texts.length === 0) return null;
	const preview = document.createElement('span');
	preview.className = 'kpe-cite-preview';
	preview.setAttribute('aria-hidden', 'true');
	if (texts.length === 1) preview.textContent = texts[0]!;
	else
		for (const text of texts) {
			const item = document.createElement('span');
			item.className = 'kpe-cite-preview-item';
			item.textContent = text;
			preview.append(item);
		}
	link.append(preview);
	return preview;
}

/** Shifts the link's preview (if shown beside it, not as a bottom sheet) into the content column. */
function place(link: HTMLElement): void {
	const preview = previewOf(link);
	const column = link.closest<HTMLElement>('.sl-markdown-content');
	if (!preview || !column) return;
	preview.style.removeProperty('--kpe-cite-shift');
	if (getComputedStyle(preview).position !== 'absolute') return;
	const box = preview.getBoundingClientRect();
	const bounds = column.getBoundingClientRect();
	const shift =
		box.right > bounds.right
			? Math.max(bounds.right - box.right, bounds.left - box.left)
			: box.left < bounds.left
				? bounds.left - box.left
				: 0;
	if (shift) preview.style.setProperty('--kpe-cite-shift', `${Math.round(shift)}px`);
}

function closeAll(except?: Element): void {
	for (const open of document.querySelectorAll(`.${OPEN}`))
		if (open !== except) open.classList.remove(OPEN);
}

document.addEventListener('pointerdown', (event) => {
	lastPointer = event.pointerType;
	if (!(event.target as Element).closest?.(LINK)) closeAll();
});

document.addEventListener('click', (event) => {
	const link = (event.target as Element).closest?.<HTMLElement>(LINK);
	if (!link || lastPointer === 'mouse' || link.classList.contains(OPEN)) return;
	// First tap: show the preview; the next tap on the same number follows the link.
	event.preventDefault();
	closeAll(link);
	link.classList.add(OPEN);
	place(link);
});

document.addEventListener('keydown', (event) => {
	if (event.key === 'Escape') closeAll();
});

for (const type of ['mouseover', 'focusin'] as const)
	document.addEventListener(type, (event) => {
		const link = (event.target as Element).closest?.<HTMLElement>(LINK);
		if (link) place(link);
	});
