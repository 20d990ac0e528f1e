/**
 * Static views of the studies index, so readers can narrow it without JavaScript: one page per
 * condition and per design, and the whole list sorted by year or by size. Every count is computed
 * from the same list of library entries, so the numbers always add up to the library's.
 */
import { DESIGN_LABELS } from '../engine/read/facts-schema.ts';
import { CONDITION_LABELS } from './page-meta.ts';
import { CONDITIONS, type Condition } from '../engine/read/page-frontmatter.ts';

/** What a view needs of a study (a subset of StudyPage). */
export interface ViewStudy {
	key: string;
	label: string;
	year: string;
	facts?:
		| { design: keyof typeof DESIGN_LABELS; n: number | null; conditions: readonly Condition[] }
		| undefined;
}

export type Sort = 'author' | 'year' | 'size';

export interface StudyView<S extends ViewStudy = ViewStudy> {
	/** URL path without base: `/studies/condition/crps/`. */
	path: string;
	/** "Studies on CRPS". */
	title: string;
	/** The filter this view applies, for the "you are viewing" line. */
	filter: { kind: 'all' | 'condition' | 'design'; value: string; label: string };
	sort: Sort;
	studies: S[];
}

export const NO_CONDITION = 'none';
export const NOT_RECORDED = 'not-recorded';

export function sortStudies<S extends ViewStudy>(studies: readonly S[], sort: Sort): S[] {
	const byAuthor = (a: S, b: S) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key);
	const year = (s: S) => Number.parseInt(s.year, 10) || 0;
	const size = (s: S) => s.facts?.n ?? -1;
	return [...studies].sort((a, b) =>
		sort === 'year'
			? year(b) - year(a) || byAuthor(a, b)
			: sort === 'size'
				? size(b) - size(a) || byAuthor(a, b)
				: byAuthor(a, b),
	);
}

/** The condition filter values, with a "no condition" bucket for general sources. */
export function conditionsOf(study: ViewStudy): string[] {
	return study.facts?.conditions.length ? [...study.facts.conditions] : [NO_CONDITION];
}

export function designOf(study: ViewStudy): string {
	return study.facts?.design ?? NOT_RECORDED;
}

export function conditionLabel(value: string): string {
	return value === NO_CONDITION
		? 'No single condition (general sources)'
		: CONDITION_LABELS[value as Condition];
}

export function designLabel(value: string): string {
	return value === NOT_RECORDED
		? 'Design not recorded'
		: DESIGN_LABELS[value as keyof typeof DESIGN_LABELS];
}

/** Every view: all studies in three orders, then one per condition and per design (by author). */
export function studyViews<S extends ViewStudy>(studies: readonly S[]): StudyView<S>[] {
	const views: StudyView<S>[] = [];
	const all = { kind: 'all' as const, value: '', label: 'All studies' };
	views.push({
		path: '/studies/',
		title: 'All studies',
		filter: all,
		sort: 'author',
		studies: sortStudies(studies, 'author'),
	});
	views.push({
		path: '/studies/by-year/',
		title: 'All studies, newest first',
		filter: all,
		sort: 'year',
		studies: sortStudies(studies, 'year'),
	});
	views.push({
		path: '/studies/by-size/',
		title: 'All studies, largest first',
		filter: all,
		sort: 'size',
		studies: sortStudies(studies, 'size'),
	});
	const conditions = [...CONDITIONS, NO_CONDITION].filter((c) =>
		studies.some((s) => conditionsOf(s).includes(c)),
	);
	for (const c of conditions) {
		const label = conditionLabel(c);
		views.push({
			path: `/studies/condition/${c}/`,
			title: c === NO_CONDITION ? 'Studies about no single condition' : `Studies on ${label}`,
			filter: { kind: 'condition', value: c, label },
			sort: 'author',
			studies: sortStudies(
				studies.filter((s) => conditionsOf(s).includes(c)),
				'author',
			),
		});
	}
	const designs = [...Object.keys(DESIGN_LABELS), NOT_RECORDED].filter((d) =>
		studies.some((s) => designOf(s) === d),
	);
	for (const d of designs) {
		const label = designLabel(d);
		views.push({
			path: `/studies/design/${d}/`,
			title: `Studies by design: ${label}`,
			filter: { kind: 'design', value: d, label },
			sort: 'author',
			studies: sortStudies(
				studies.filter((s) => designOf(s) === d),
				'author',
			),
		});
	}
	return views;
}
