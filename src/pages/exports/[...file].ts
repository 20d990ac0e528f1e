/**
 * Reference-manager exports as static files: `exports/library.{bib,ris}`,
 * `exports/studies/<key>.{bib,ris}` and `exports/pages/<page>.{bib,ris}` (that page's references).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEvidence } from '../../lib/evidence/check-project.ts';
import { exportFiles } from '../../lib/exports.ts';

export const getStaticPaths = (() => {
	const evidence = getEvidence({ root: process.cwd() });
	return exportFiles({
		entries: evidence.library.entries,
		isVerified: (key) => evidence.facts.byKey.get(key)?.facts.verified !== false,
		citedIn: evidence.citedIn,
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
