/**
 * Reference-manager exports as static files: `exports/library.{bib,ris}`,
 * `exports/studies/<key>.{bib,ris}` and `exports/pages/<page>.{bib,ris}` (that page's references).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { evidence } from 'virtual:ketamine-pain-evidence';
import { exportFiles } from '../../engine/render/exports.ts';
import { citedOn } from '../cited-on.ts';

export const getStaticPaths = (async () => {
	// citedOn() paths carry the base path; export file names are made from the path without it.
	const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
	const citedIn = new Map(
		[...(await citedOn())].map(([key, pages]) => [
			key,
			pages.map((p) => ({ path: `/${p.path.slice(base.length)}` })),
		]),
	);
	return exportFiles({
		entries: evidence.library.entries,
		isVerified: (key) => evidence.facts.byKey.get(key)?.facts.verified !== false,
		citedIn,
	}).map((file) => ({
		params: { file: file.path.replace(/^exports\//, '') },
		props: { body: file.body },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, params }) =>
	new Response(props.body as string, {
		headers: {
			'Content-Type': String(params.file).endsWith('.bib')
				? 'application/x-bibtex; charset=utf-8'
				: 'application/x-research-info-systems; charset=utf-8',
		},
	});
