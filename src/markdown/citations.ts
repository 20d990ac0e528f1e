/**
 * `[@key]`, `[@a; @b]`, `[-@key]`, `[see @key, p. 4]` and a bare `@key` in page text become numbered
 * citation links (a bare key with its authors' names before the number), and each directive becomes
 * its table or list. Both happen in this one plugin because citation numbers follow the order of
 * first citation on the page, tables included, and Sätteri calls one plugin's visitors in document
 * order but runs plugins one after another. Sätteri hands `[@key]` to the `text` visitor as plain
 * text; text in code is a separate node type, so it is never touched.
 */
import { defineMdastPlugin } from 'satteri';
import type { Evidence } from '../engine/check/check-project.ts';
import { findPageCitations } from '../engine/read/citations.ts';
import { narrativeName } from '../engine/render/format.ts';
import { withAffixes } from '../engine/render/render.ts';
import { checkDirective, isDirectiveName } from '../engine/read/directives.ts';
import { PageError } from '../plugin/errors.ts';
import { DIRECTIVES } from './directives/index.ts';
import { assertKnown } from './directives/known-keys.ts';
import { positionIn } from '../engine/read/position.ts';
import { locate } from './locate.ts';
import { htmlNode } from './nodes.ts';
import { pageFrontmatter } from './page-data.ts';
import { citer, pageState } from './page-state.ts';

export function citationsPlugin(evidence: Evidence, base = '/') {
	const cite = citer(evidence);
	return defineMdastPlugin({
		name: 'kpe-citations',
		options: { position: true },
		text(node, ctx) {
			const uses = findPageCitations(node.value);
			if (uses.length === 0) return;
			const page = pageState(ctx.data);
			const parts: unknown[] = [];
			let last = 0;
			for (const use of uses) {
				if (use.index > last)
					parts.push({ type: 'text', value: node.value.slice(last, use.index) });
				for (const key of use.keys) {
					const at = node.value.indexOf(`@${key}`, use.index);
					const start = node.position && positionIn(node.position.start, node.value, at);
					assertKnown(evidence.library, key, locate(ctx, start));
				}
				// A bare `@key` names the authors before the number; a prefix and a locator go
				// inside the brackets, as Pandoc's numbered styles print them.
				if (use.narrative)
					parts.push({
						type: 'text',
						value: `${narrativeName(evidence.library.entries.get(use.keys[0]!)!.csl)} `,
					});
				const cluster = cite(page, use.keys);
				parts.push(
					htmlNode(ctx.sourceFormat, {
						type: 'root',
						children: withAffixes(cluster, use.prefix, use.locator),
					}),
				);
				last = use.index + use.length;
			}
			if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
			ctx.replaceNode(node, parts as Parameters<typeof ctx.replaceNode>[1]);
		},
		leafDirective(node, ctx) {
			const attributes = Object.fromEntries(
				Object.entries(node.attributes ?? {}).filter(
					(entry): entry is [string, string] => typeof entry[1] === 'string',
				),
			);
			const position = locate(ctx, node.position?.start);
			// The same rules as `npm run check`: a typo stops the page instead of rendering an empty table.
			const [problem] = checkDirective({ name: node.name, attributes });
			if (problem) throw new PageError(`${problem.message} ${problem.hint}`, position);
			if (!isDirectiveName(node.name)) return;
			const page = pageState(ctx.data);
			const tree = DIRECTIVES[node.name]({
				evidence,
				page,
				cite,
				attributes,
				id: `${node.name}-${++page.tables}`,
				position,
				base,
				frontmatter: pageFrontmatter(ctx.data) ?? {},
			});
			ctx.replaceNode(node, htmlNode(ctx.sourceFormat, tree, { flow: true }));
		},
	});
}
