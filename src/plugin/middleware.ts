/**
 * Dev server only. Each request first brings the evidence up to date with the files (an edit saved
 * a moment ago is checked now, so no page is rendered with an older library). While the checks
 * find problems, every page is still served (src/components/DevProblems.astro lists them on it); a
 * page that cannot render shows Astro's error overlay with every problem and the first one's file
 * and line.
 */
import { defineMiddleware } from 'astro:middleware';
import { evidenceError } from './errors.ts';
import { publishedSnapshot } from './snapshot.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
	// Reading `evidence` checks the files again if any changed since the last request.
	const { root, evidence } = publishedSnapshot();
	if (evidence.diagnostics.length === 0) return next();
	try {
		return await next();
	} catch {
		throw evidenceError(evidence.diagnostics, root);
	}
});
