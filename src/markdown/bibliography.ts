/**
 * Appends the page's numbered references (with back-links to each citation) and records, in the
 * page's metadata, every key it cites: the study pages' "cited on" lists read that record.
 */
import { defineMdastPlugin } from 'satteri';
import type { Evidence } from '../engine/check/check-project.ts';
import { ensureFormatted, formatReferences } from '../engine/render/format.ts';
import { renderBibliography } from '../engine/render/render.ts';
import { keyPictureFor } from './key-picture.ts';
import { htmlNode } from './nodes.ts';
import { existingPageState } from './page-state.ts';
import { pageFrontmatter, recordPageData } from './page-data.ts';

export function bibliographyPlugin(evidence: Evidence, base = '/') {
	const { library, facts } = evidence;
	const isVerified = (key: string) => facts.byKey.get(key)?.facts.verified !== false;
	// The whole library in one citation-js call, when the first page needs references: the study
	// pages show every entry anyway, and one call per page would start one citeproc engine per page.
	let formatted = false;
	return defineMdastPlugin({
		name: 'kpe-bibliography',
		after(root, ctx) {
			const page = existingPageState(ctx.data);
			if (!page || page.order.size === 0) return;
			const frontmatter = pageFrontmatter(ctx.data);
			if (frontmatter) {
				const keyPicture = keyPictureFor(frontmatter, evidence);
				recordPageData(frontmatter, {
					citedKeys: [...page.order.keys()],
					...(keyPicture ? { keyPicture } : {}),
				});
			}
			if (!formatted) {
				ensureFormatted([...library.entries.values()]);
				formatted = true;
			}
			const entries = page.order.keys().map((key) => library.entries.get(key)!);
			const list = renderBibliography(
				formatReferences(entries, { isVerified }).map((reference) => ({
					reference,
					citedAt: page.citedAt.get(reference.key) ?? [],
				})),
				base,
			);
			ctx.appendChild(root, [
				{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'References' }] },
				htmlNode(ctx.sourceFormat, list, { flow: true }) as never,
			]);
		},
	});
}
