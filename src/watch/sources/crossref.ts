/**
 * Crossref's record of a DOI lists the notices that update it (`updated-by`: retractions,
 * withdrawals, expressions of concern, corrections), each with its own DOI and date. `mailto`
 * puts the requests in Crossref's polite pool. A DOI Crossref does not know (404) is skipped: it
 * may be registered with another agency.
 */
import type { Http } from '../http.ts';

export const CROSSREF = 'https://api.crossref.org/works';

export interface UpdateNotice {
	/** As Crossref names it: retraction, withdrawal, expression_of_concern, correction, … */
	type: string;
	notice?: string | undefined;
	date?: string | undefined;
}

interface CrossrefWork {
	message?: {
		'updated-by'?: { DOI?: string; type?: string; updated?: { 'date-parts'?: number[][] } }[];
	};
}

export async function updateNotices(
	http: Http,
	doi: string,
	mailto: string,
): Promise<UpdateNotice[]> {
	const url = `${CROSSREF}/${doi.split('/').map(encodeURIComponent).join('/')}?mailto=${encodeURIComponent(mailto)}`;
	const work = await http.json<CrossrefWork>('crossref', url, {});
	return (work.message?.['updated-by'] ?? []).flatMap((u) => {
		if (!u.type) return [];
		const parts = u.updated?.['date-parts']?.[0];
		const date = parts?.length
			? parts.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-')
			: undefined;
		return [{ type: u.type, notice: u.DOI?.toLowerCase(), date }];
	});
}
