/** HTML for the clinic-claims page (verdict table and one section per claim) and cross-links to it. */
import { CERTAINTY_LABELS, renderCertaintyBadge } from './certainty.ts';
import { VERDICT_LABELS, renderExplanation, type ClaimRecord } from './claims.ts';
import { escapeHtml } from './format.ts';
import { CONDITION_LABELS } from '../taxonomy.ts';

export const CLAIMS_PAGE = '/claims/';

/** A summary table (claim, verdict, certainty), then each claim with its explanation and citations. */
export function renderClaims(
	claims: readonly ClaimRecord[],
	cite: (keys: string[]) => string,
): string {
	const rows = claims
		.map(
			({ claim }) =>
				`<tr><th scope="row"><a href="#claim-${claim.id}">${claim.order}. ${escapeHtml(claim.claim)}</a></th>` +
				`<td><span class="kpe-verdict kpe-verdict-${claim.verdict}">${VERDICT_LABELS[claim.verdict]}</span></td>` +
				`<td>${renderCertaintyBadge(claim.certainty)}</td></tr>`,
		)
		.join('');
	const table =
		`<div class="kpe-table-scroll kpe-claims-table" role="region" aria-labelledby="claims-caption" tabindex="0">` +
		`<table class="kpe-table"><caption id="claims-caption">Clinic claims and what the evidence says</caption>` +
		`<thead><tr><th scope="col">Claim</th><th scope="col">Verdict</th><th scope="col">Certainty</th></tr></thead><tbody>${rows}</tbody></table></div>`;
	const sections = claims
		.map(({ claim }) => {
			const concerns = claim.conditions.map(
				(c) => `<a href="/conditions/${c}/">${escapeHtml(CONDITION_LABELS[c])}</a>`,
			);
			const topics = claim.topics.map(
				(t) => `<a href="/topics/${t}/">${escapeHtml(t.replace(/-/g, ' '))}</a>`,
			);
			const related = [...concerns, ...topics];
			return (
				`<section class="kpe-claim" id="claim-${claim.id}" aria-labelledby="claim-${claim.id}-title">` +
				`<h3 id="claim-${claim.id}-title">${claim.order}. ${escapeHtml(claim.claim)}</h3>` +
				`<p class="kpe-claim-verdict">Verdict: <strong class="kpe-verdict kpe-verdict-${claim.verdict}">${VERDICT_LABELS[claim.verdict]}</strong> · Certainty: ${renderCertaintyBadge(claim.certainty)}</p>` +
				`<p>${renderExplanation(claim.explanation, cite)}</p>` +
				(related.length ? `<p class="kpe-claim-related">More on: ${related.join(', ')}</p>` : '') +
				`</section>`
			);
		})
		.join('');
	return table + sections;
}

/** A list of links to the claims that concern a condition or topic page, with their verdicts. */
export function renderClaimLinks(claims: readonly ClaimRecord[]): string {
	if (claims.length === 0) return '';
	const items = claims
		.map(
			({ claim }) =>
				`<li><a href="${CLAIMS_PAGE}#claim-${claim.id}">${escapeHtml(claim.claim)}</a> <span class="kpe-claim-link-verdict">${VERDICT_LABELS[claim.verdict]}; ${escapeHtml(CERTAINTY_LABELS[claim.certainty].word.toLowerCase())} certainty</span></li>`,
		)
		.join('');
	return `<ul class="kpe-claim-links">${items}</ul>`;
}
