/**
 * Dev server only: while the library has problems, every page shows them in Astro's error overlay
 * (the server keeps running, so an editor can fix the file and see the page come back).
 */
import { defineMiddleware } from 'astro:middleware';
import { evidence, root } from 'virtual:ketamine-pain-evidence';
import { evidenceError } from './errors.ts';

export const onRequest = defineMiddleware((_context, next) => {
	if (evidence.diagnostics.length > 0) throw evidenceError(evidence.diagnostics, root);
	return next();
});
