/**
 * Dev server only. Each request first brings the evidence up to date with the files (an edit saved
 * a moment ago is checked now, so no page is rendered with an older library). While the checks
 * find problems, every page is still served, with the problems listed at the bottom of the window, so an editor can
 * preview the page they are fixing; a page that cannot render shows Astro's error overlay with
 * every problem and the first one's file and line.
 */
import { defineMiddleware } from 'astro:middleware';
import { formatDiagnostic } from '../engine/problems/diagnostics.ts';
import { escapeHtml } from '../engine/read/text-safety.ts';
import { evidenceError } from './errors.ts';
import { publishedSnapshot } from './snapshot.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
	const { root, evidence } = publishedSnapshot();
	const { diagnostics } = evidence;
	if (diagnostics.length === 0) return next();
	let response: Response;
	try {
		response = await next();
	} catch {
		throw evidenceError(diagnostics, root);
	}
	if (!response.headers.get('content-type')?.includes('text/html')) return response;
	const html = await response.text();
	const count = `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}`;
	// Fixed at the bottom of the window: Starlight's header and sidebar, fixed at the top and left,
	// would cover it anywhere else.
	const banner =
		`<div role="alert" data-kpe-dev-problems style="position:fixed;inset:auto 0 0 0;z-index:1000;max-height:40vh;overflow:auto;background:#fff3cd;color:#3d2b00;border-top:3px solid #b45309;padding:.75rem 1rem 3.5rem;font:14px/1.4 system-ui,sans-serif">` +
		`<strong>Not publishable: the evidence checks found ${count}.</strong> This preview uses the library as it is now; fix each problem and save (it is checked again on save). <code>npm run check</code> lists them too.` +
		`<pre style="white-space:pre-wrap;margin:.5rem 0 0;font-size:12px">${escapeHtml(diagnostics.map(formatDiagnostic).join('\n\n'))}</pre></div>`;
	const body = /<body[^>]*>/i.exec(html);
	const out = body
		? html.slice(0, body.index + body[0].length) + banner + html.slice(body.index + body[0].length)
		: banner + html;
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(out, { status: response.status, headers });
});
