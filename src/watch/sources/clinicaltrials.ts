/**
 * ClinicalTrials.gov API v2: the registered studies of ketamine for a condition (`query.cond`,
 * `query.intr`), paged with `pageToken` until an answer has no `nextPageToken`. Only the fields the
 * "Trials under way" section shows are asked for.
 */
import { normaliseNct } from '../dedupe.ts';
import { SourceError, type Http } from '../http.ts';
import type { Trial } from '../schema.ts';

export const CTGOV = 'https://clinicaltrials.gov/api/v2/studies';
const FIELDS = 'NCTId,BriefTitle,OverallStatus,EnrollmentCount,CompletionDate,HasResults';

interface CtStudy {
	protocolSection?: {
		identificationModule?: { nctId?: string; briefTitle?: string };
		statusModule?: {
			overallStatus?: string;
			completionDateStruct?: { date?: string; type?: string };
		};
		designModule?: { enrollmentInfo?: { count?: number } };
	};
	hasResults?: boolean;
}

export async function searchTrials(http: Http, cond: string, intr: string): Promise<Trial[]> {
	const out: Trial[] = [];
	let token: string | undefined;
	do {
		const url =
			`${CTGOV}?format=json&query.cond=${encodeURIComponent(cond)}&query.intr=${encodeURIComponent(intr)}` +
			`&fields=${FIELDS}&pageSize=100` +
			(token ? `&pageToken=${encodeURIComponent(token)}` : '');
		const answer = await http.json<{ studies?: CtStudy[]; nextPageToken?: string }>(
			'clinicaltrials',
			url,
		);
		if (!Array.isArray(answer.studies))
			throw new SourceError('clinicaltrials', 'answered without a studies list', url);
		for (const study of answer.studies) {
			const p = study.protocolSection;
			const nct = normaliseNct(p?.identificationModule?.nctId);
			if (!nct) continue;
			const count = p?.designModule?.enrollmentInfo?.count;
			out.push({
				nct,
				title: p?.identificationModule?.briefTitle ?? '',
				status: p?.statusModule?.overallStatus ?? 'UNKNOWN',
				enrollment: typeof count === 'number' && count >= 0 ? count : undefined,
				completion: p?.statusModule?.completionDateStruct?.date,
				completionType: p?.statusModule?.completionDateStruct?.type,
				hasResults: study.hasResults === true,
			});
		}
		token = answer.nextPageToken || undefined;
	} while (token);
	return out;
}

/** Statuses of a trial that has not finished: recruiting, about to, or following people up. */
export const UNDER_WAY = new Set([
	'NOT_YET_RECRUITING',
	'RECRUITING',
	'ENROLLING_BY_INVITATION',
	'ACTIVE_NOT_RECRUITING',
]);

/** `ACTIVE_NOT_RECRUITING` → `Active, not recruiting`. */
export function statusLabel(status: string): string {
	const words = status
		.toLowerCase()
		.replaceAll('_', ' ')
		.replace('active not recruiting', 'active, not recruiting');
	return words.charAt(0).toUpperCase() + words.slice(1);
}
