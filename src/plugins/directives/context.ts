import type { Evidence } from '../../lib/evidence/check-project.ts';
import type { Position } from '../nodes.ts';
import type { Cite, PageState } from '../page-state.ts';

/** What a directive renderer gets: the checked evidence, the page, and its own attributes (already valid). */
export interface DirectiveContext {
	evidence: Evidence;
	page: PageState;
	cite: Cite;
	attributes: Record<string, string>;
	/** `evidence-table-3`: unique on the page, for captions and ARIA. */
	id: string;
	position: Position | undefined;
	frontmatter: Record<string, unknown>;
}

/** Returns the directive's HTML (escaped by the engine's renderers). */
export type DirectiveRenderer = (context: DirectiveContext) => string;
