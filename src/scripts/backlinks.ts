/**
 * An entry of the reference list cited many times folds its later back-links under "cited N times",
 * kept in a `<template>` (src/engine/render/render.ts): its content is not part of the page, so a
 * long reference list does not carry a hundred links that few readers open. Opening the fold puts
 * them in, once. Without a script the fold stays empty and site.css shows its count as plain text.
 */
document.addEventListener(
	'toggle',
	(event) => {
		const fold = event.target;
		if (!(fold instanceof HTMLDetailsElement) || !fold.open) return;
		if (!fold.classList.contains('kpe-backlinks-more')) return;
		const template = fold.querySelector<HTMLTemplateElement>(':scope > template');
		template?.replaceWith(template.content);
	},
	// `toggle` does not bubble.
	true,
);
