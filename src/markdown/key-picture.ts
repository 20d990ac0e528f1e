/**
 * The page's key "out of 100 people" picture (the outcome row marked `keyPicture: true`), recorded
 * in the page's metadata (`remarkPluginFrontmatter`) as plain data, so components outside the
 * Markdown (the at-a-glance box) can draw it with `IconArray.astro`.
 */
import type { Evidence } from '../engine/check/check-project.ts';
import { keyPictureOf, type IconArrayPicture } from '../engine/render/icon-array.ts';
import { outcomeSchema } from '../engine/read/page-frontmatter.ts';

/** The metadata field holding the page's key picture (an `IconArrayPicture`), when it has one. */
export const KEY_PICTURE = 'evidenceKeyPicture';

/** Records the key picture of a page whose frontmatter names one. */
export function recordKeyPicture(frontmatter: Record<string, unknown>, evidence: Evidence): void {
	const outcomes = Array.isArray(frontmatter.outcomes) ? frontmatter.outcomes : [];
	const parsed = outcomes.map((o) => outcomeSchema.safeParse(o));
	if (!parsed.every((p) => p.success)) return;
	const picture: IconArrayPicture | null = keyPictureOf(
		parsed.map((p) => p.data!),
		(key) => evidence.facts.byKey.get(key)?.facts,
	);
	if (picture) frontmatter[KEY_PICTURE] = picture;
}
