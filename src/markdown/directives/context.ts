import type { Nodes } from 'hast';
import type { Evidence } from '../../engine/check/check-project.ts';
import type { Position } from '../../engine/read/position.ts';
import type { Cite, PageState } from '../page-state.ts';

/** What a directive renderer gets: the checked evidence, the page, and its own attributes (already valid). */
export interface DirectiveContext {
	evidence: Evidence;
	page: PageState;
	/** The citation cluster of `keys`, numbered on this page, as hast. */
	cite: Cite;
	attributes: Record<string, string>;
	/** `evidence-table-3`: unique on the page, for captions and ARIA. */
	id: string;
	position: Position | undefined;
	/** The site's base path (`/`, `/repo/`): the renderers write their site links under it. */
	base: string;
	frontmatter: Record<string, unknown>;
}

/**
 * Returns the directive's hast tree (serialised once, by the plugin). A string is HTML from a
 * renderer not yet converted to hast (the claims directive); the plugin parses it into a tree.
 */
export type DirectiveRenderer = (context: DirectiveContext) => Nodes;
