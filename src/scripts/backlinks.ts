/**
 * An entry of the reference list cited many times folds its later back-links behind a "cited N
 * times" button (src/engine/render/render.ts) that holds the numbers of the clusters they return to
 * (`data-places`): a long page does not carry a hundred links, nor their markup, that few readers
 * open. The first press makes them into the same links the entry shows
 * (src/engine/render/backlinks.ts), after the button; later presses hide and show them. Without a
 * script site.css shows the count as plain text.
 */
import { BACKLINKS_SHOWN, backlink } from '../engine/render/backlinks.ts';

/** The links the button stands for, in a span after it (made once). */
function unfold(button: HTMLButtonElement): HTMLElement {
	const reference = Number(button.dataset.reference);
	const clusters = (button.dataset.places ?? '').split(' ').filter(Boolean).map(Number);
	const rest = Object.assign(document.createElement('span'), {
		id: `backlinks-${reference}`,
		className: 'kpe-backlinks-rest',
	});
	const places = BACKLINKS_SHOWN + clusters.length;
	clusters.forEach((cluster, i) => {
		const { href, label, text } = backlink(reference, BACKLINKS_SHOWN + i + 1, places, cluster);
		const link = Object.assign(document.createElement('a'), { href, className: 'kpe-backlink' });
		link.setAttribute('aria-label', label);
		link.textContent = text;
		rest.append(' ', link);
	});
	button.setAttribute('aria-controls', rest.id);
	button.after(rest);
	return rest;
}

document.addEventListener('click', (event) => {
	const button = (event.target as Element).closest?.<HTMLButtonElement>(
		'button.kpe-backlinks-more',
	);
	if (!button) return;
	const open = button.getAttribute('aria-expanded') !== 'true';
	const controlled = button.getAttribute('aria-controls');
	const rest = (controlled && document.getElementById(controlled)) || unfold(button);
	rest.hidden = !open;
	button.setAttribute('aria-expanded', String(open));
});
