/**
 * An entry of the reference list cited many times folds its later back-links under "cited N times"
 * (src/engine/render/render.ts), as the numbers of the clusters they return to (`data-places`):
 * a long page does not carry a hundred links, nor their markup, that few readers open. Opening the
 * fold makes them into the same links the entry shows (src/engine/render/backlinks.ts), once.
 * Without a script the fold stays empty and site.css shows its count as plain text.
 */
import { BACKLINKS_SHOWN, backlink } from '../engine/render/backlinks.ts';

function unfold(fold: HTMLElement): void {
	const reference = Number(fold.dataset.reference);
	const clusters = (fold.dataset.places ?? '').split(' ').filter(Boolean).map(Number);
	delete fold.dataset.places;
	const places = BACKLINKS_SHOWN + clusters.length;
	clusters.forEach((cluster, i) => {
		const { href, label, text } = backlink(reference, BACKLINKS_SHOWN + i + 1, places, cluster);
		const link = Object.assign(document.createElement('a'), { href, className: 'kpe-backlink' });
		link.setAttribute('aria-label', label);
		link.textContent = text;
		fold.append(i > 0 ? ' ' : '', link);
	});
}

document.addEventListener(
	'toggle',
	(event) => {
		const fold = event.target;
		if (!(fold instanceof HTMLDetailsElement) || !fold.open) return;
		if (fold.classList.contains('kpe-backlinks-more') && fold.dataset.places) unfold(fold);
	},
	// `toggle` does not bubble.
	true,
);
