import { builtPages, readPage, visibleText } from './dist.ts';

/**
 * Study pages share one template, so auditing all ~95 of them repeats the same checks. These are
 * the ones that differ in shape: what the template shows or leaves out, and the longest content.
 */
export function studyPagesByShape(): Record<string, string | undefined> {
	const studies = builtPages()
		// One level under /studies/, and a study's own page (the index views by-year, by-size… have
		// no reference block).
		.filter(
			(p) => /^\/studies\/[^/]+\/$/.test(p) && readPage(p).querySelector('.kpe-study-reference'),
		)
		.map((path) => {
			const page = readPage(path);
			const main = page.querySelector('main')!;
			return {
				path,
				hasFacts: main.querySelector('.kpe-study-facts') !== null,
				unverified: main.querySelector('.kpe-unverified') !== null,
				title: visibleText(main.querySelector('h1')).length,
				reference: visibleText(main.querySelector('.kpe-study-reference')).length,
				citedOn: main.querySelectorAll('#cited-on + ul > li').length,
				design: visibleText(
					main
						.querySelectorAll('.kpe-study-facts > div')
						.find((row) => visibleText(row.querySelector('dt')) === 'Design')
						?.querySelector('dd'),
				),
			};
		});
	const most = (key: (s: (typeof studies)[number]) => number) =>
		studies.reduce<(typeof studies)[number] | undefined>(
			(best, s) => (!best || key(s) > key(best) ? s : best),
			undefined,
		)?.path;
	return {
		'no facts': studies.find((s) => !s.hasFacts)?.path,
		unverified: studies.find((s) => s.unverified)?.path,
		'longest title': most((s) => s.title),
		'longest reference': most((s) => s.reference),
		'most citing pages': most((s) => s.citedOn),
		guideline: studies.find((s) => s.design === 'Guideline')?.path,
		'regulatory alert': studies.find((s) => s.design === 'Regulatory alert')?.path,
		'case report': studies.find((s) => s.design === 'Case report')?.path,
	};
}
