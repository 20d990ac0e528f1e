/** `::clinic-claims` (every claim weighed against the evidence) and `::claims-for{condition|topic}` (links). */
import type { Condition } from '../../lib/taxonomy.ts';
import { renderClaimLinks, renderClaims } from '../../lib/evidence/claims-render.ts';
import { toHtml } from 'hast-util-to-html';
import type { DirectiveRenderer } from './context.ts';

export const clinicClaims: DirectiveRenderer = ({ evidence, page, cite }) =>
	renderClaims(evidence.claims, (keys) => toHtml(cite(page, keys)));

export const claimsFor: DirectiveRenderer = ({ evidence, attributes }) =>
	renderClaimLinks(
		evidence.claims.filter(
			({ claim }) =>
				(attributes.condition && claim.conditions.includes(attributes.condition as Condition)) ||
				(attributes.topic && claim.topics.includes(attributes.topic)),
		),
	);
