/**
 * The page's key "out of 100 people" picture (the outcome row marked `keyPicture: true`), drawn from
 * its frontmatter and recorded as plain data in the page's metadata (page-data.ts), so components
 * outside the Markdown (the at-a-glance box) can draw it with `IconArray.astro`.
 */
import type { Evidence } from '../engine/check/check-project.ts';
import { keyPictureOf, type IconArrayPicture } from '../engine/render/icon-array.ts';
import { outcomeSchema } from '../engine/read/page-frontmatter.ts';

/** The key picture of a page whose frontmatter names one. */
export function keyPictureFor(
	frontmatter: Record<string, unknown>,
	evidence: Evidence,
): IconArrayPicture | undefined {
	const outcomes = Array.isArray(frontmatter.outcomes) ? frontmatter.outcomes : [];
	const parsed = outcomes.map((o) => outcomeSchema.safeParse(o));
	if (!parsed.every((p) => p.success)) return undefined;
	const picture = keyPictureOf(
		parsed.map((p) => p.data!),
		(key) => evidence.facts.byKey.get(key)?.facts,
	);
	return picture ?? undefined;
}
