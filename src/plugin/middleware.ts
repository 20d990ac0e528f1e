/**
 * Dev server only. Each request first brings the evidence up to date with the files (an edit saved
 * a moment ago is checked now, so no page is rendered with an older library). While the checks
 * find problems, every page is still served, with the problems listed at the bottom of the window, so an editor can
 * preview the page they are fixing; a page that cannot render shows Astro's error overlay with
 * every problem and the first one's file and line.
 */
import { defineMiddleware } from 'astro:middleware';
import { formatDiagnostic } from '../engine/check/diagnostics.ts';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { PAGE_SERIALISATION } from '../engine/render/html.ts';
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
	const count = `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}`;
	// Fixed at the bottom of the window: Starlight's header and sidebar, fixed at the top and left,
	// would cover it anywhere else.
	const banner = h(
		'div',
		{
			role: 'alert',
			dataKpeDevProblems: true,
			style:
				'position:fixed;inset:auto 0 0 0;z-index:1000;max-height:40vh;overflow:auto;background:#fff3cd;color:#3d2b00;border-top:3px solid #b45309;padding:.75rem 1rem 3.5rem;font:14px/1.4 system-ui,sans-serif',
		},
		[
			h('strong', `Not publishable: the evidence checks found ${count}.`),
			' This preview uses the library as it is now; fix each problem and save (it is checked again on save). ',
			h('code', 'npm run check'),
			' lists them too.',
			h(
				'pre',
				{ style: 'white-space:pre-wrap;margin:.5rem 0 0;font-size:12px' },
				diagnostics.map(formatDiagnostic).join('\n\n'),
			),
		],
	);
	// The page changes on its tree (hast), written back by hast-util-to-html.
	const tree = fromHtml(await response.text());
	const body = tree.children
		.flatMap((node) => (node.type === 'element' ? node.children : []))
		.find((node) => node.type === 'element' && node.tagName === 'body');
	if (body?.type === 'element') body.children.unshift(banner);
	else tree.children.unshift(banner);
	const out = toHtml(tree, PAGE_SERIALISATION);
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(out, { status: response.status, headers });
});
