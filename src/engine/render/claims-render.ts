/**
 * The clinic-claims page as hast trees (hastscript): the verdict table, and for each claim its
 * verdict line and related links. The claim's heading, plain answer and cited explanation are page
 * text, built as Markdown nodes by the `::clinic-claims` directive (src/markdown/directives/claims.ts)
 * so the headings reach "On this page" and `[@key]` citations are numbered in reading order.
 */
import { h } from 'hastscript';
import type { Element } from 'hast';
import { CERTAINTY_LABELS } from '../grade/certainty.ts';
import { certaintyBadge } from './certainty-badge.ts';
import { dataTable } from './tables.ts';
import { VERDICT_LABELS, type Claim, type ClaimRecord } from '../read/claims.ts';
import { CONDITION_LABELS } from '../read/taxonomy.ts';
import { findClusters } from '../read/citations.ts';
import { sitePath } from './urls.ts';

export const CLAIMS_PAGE = '/claims/';

/** Anchors: the section is what other pages link to, the heading names it. */
export const claimAnchor = (claim: Claim) => `claim-${claim.id}`;
export const claimTitleId = (claim: Claim) => `claim-${claim.id}-title`;
export const claimTitle = (claim: Claim) => `${claim.order}. ${claim.claim}`;

const verdictBadge = (claim: Claim) =>
	h(
		'strong',
		{ className: ['kpe-verdict', `kpe-verdict-${claim.verdict}`] },
		VERDICT_LABELS[claim.verdict],
	);

/** A summary table: claim (linking to its section), verdict, certainty; labelled like every generated table. */
export function claimsTable(claims: readonly ClaimRecord[], base = '/'): Element {
	return dataTable({
		id: 'claims-caption',
		caption: 'Clinic claims and what the evidence says',
		kind: 'kpe-claims-table',
		columns: ['Claim', 'Verdict', 'Certainty'],
		rows: claims.map(({ claim }) => ({
			cells: [
				{
					header: true,
					children: [h('a', { href: `#${claimAnchor(claim)}` }, claimTitle(claim))],
				},
				{
					children: [
						h(
							'span',
							{ className: ['kpe-verdict', `kpe-verdict-${claim.verdict}`] },
							VERDICT_LABELS[claim.verdict],
						),
					],
				},
				{ children: [certaintyBadge(claim.certainty, base)] },
			],
		})),
	});
}

/**
 * "Verdict: … · Certainty: …". A claim no study measured is not graded: the line says so, so that
 * "Not supported · Not graded" reads as one judgement (the studies describe something else) and not
 * as a contradiction.
 */
export function claimVerdict(claim: Claim, base = '/'): Element {
	return h('p.kpe-claim-verdict', [
		'Verdict: ',
		verdictBadge(claim),
		' · Certainty: ',
		certaintyBadge(claim.certainty, base),
		...(claim.certainty === 'not-graded'
			? [
					' ',
					h(
						'span.kpe-claim-ungraded',
						'(no study measured this claim, so there is nothing to grade)',
					),
				]
			: []),
	]);
}

/** "More on: CRPS, protocols": the condition and topic pages the claim concerns; null when none. */
export function claimRelated(claim: Claim, base = '/'): Element | null {
	const links = [
		...claim.conditions.map((c) =>
			h('a', { href: sitePath(`/conditions/${c}/`, base) }, CONDITION_LABELS[c]),
		),
		...claim.topics.map((t) =>
			h('a', { href: sitePath(`/topics/${t}/`, base) }, t.replace(/-/g, ' ')),
		),
	];
	if (links.length === 0) return null;
	return h('p.kpe-claim-related', ['More on: ', ...links.flatMap((a, i) => (i ? [', ', a] : [a]))]);
}

/**
 * The plain answer as page text, ending with one citation of every study the explanation cites:
 * the answer says nothing they do not (each factual sentence on the site is cited).
 */
export function claimAnswerText(claim: Claim): string {
	const keys = [...new Set(findClusters(claim.explanation).flatMap((c) => c.keys))];
	return `${claim.answer} [${keys.map((k) => `@${k}`).join('; ')}]`;
}

/** A list of links to the claims that concern a condition or topic page, with their verdicts. */
export function claimLinks(claims: readonly ClaimRecord[], base = '/'): Element | null {
	if (claims.length === 0) return null;
	return h(
		'ul.kpe-claim-links',
		claims.map(({ claim }) =>
			h('li', [
				h('a', { href: sitePath(`${CLAIMS_PAGE}#${claimAnchor(claim)}`, base) }, claim.claim),
				' ',
				h(
					'span.kpe-claim-link-verdict',
					`${VERDICT_LABELS[claim.verdict]}; ${CERTAINTY_LABELS[claim.certainty].word.toLowerCase()} certainty`,
				),
			]),
		),
	);
}
