/**
 * Reference-manager exports as static files: `exports/library.{bib,ris}`,
 * `exports/studies/<key>.{bib,ris}` and `exports/pages/<page>.{bib,ris}` (that page's references).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { evidence } from 'virtual:ketamine-pain-evidence';
import { exportFiles } from '../../engine/render/exports.ts';
import { citedOn } from '../cited-on.ts';

export const getStaticPaths = (async () => {
	return exportFiles({
		entries: evidence.library.entries,
		isVerified: (key) => evidence.facts.byKey.get(key)?.facts.verified !== false,
		citedIn: await citedOn(),
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
