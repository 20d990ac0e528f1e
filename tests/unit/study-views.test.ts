/**
 * The studies index's static views (src/site/study-views.ts): every study in each "all" view, in
 * its order; one view per condition and per design that has studies, with general sources and
 * studies without a design in views of their own; and the home page's condition chooser.
 */
import { describe, expect, it } from 'vitest';
import {
	NOT_RECORDED,
	NO_CONDITION,
	conditionLabel,
	designLabel,
	studyViews,
	type ViewStudy,
} from '../../src/site/study-views.ts';
import { conditionChooserHtml } from '../../src/plugin/route-middleware/condition-chooser.ts';

const study = (
	key: string,
	label: string,
	year: string,
	facts?: ViewStudy['facts'],
): ViewStudy => ({ key, label, year, facts });

const STUDIES: ViewStudy[] = [
	study('b', 'Bell 2017', '2017', { design: 'systematic-review', n: 300, conditions: ['crps'] }),
	study('a', 'Amr 2010', '2010', { design: 'rct', n: 40, conditions: ['neuropathic-pain'] }),
	study('c', 'Cohen 2018', '2018', { design: 'guideline', n: null, conditions: [] }),
	study('d', 'Diaz n.d.', 'n.d.'),
	study('e', 'Eide 1994', '1994', {
		design: 'rct',
		n: 8,
		conditions: ['crps', 'neuropathic-pain'],
	}),
];

describe('the studies index views', () => {
	const views = studyViews(STUDIES);
	const byPath = new Map(views.map((v) => [v.path, v]));
	const keys = (path: string) => byPath.get(path)!.studies.map((s) => s.key);

	it('lists every study in each of the three orders', () => {
		expect(keys('/studies/')).toEqual(['a', 'b', 'c', 'd', 'e']);
		// Newest first; a study without a year last.
		expect(keys('/studies/by-year/')).toEqual(['c', 'b', 'a', 'e', 'd']);
		// Largest first; a study whose size is not recorded last.
		expect(keys('/studies/by-size/')).toEqual(['b', 'a', 'e', 'c', 'd']);
	});

	it('has one view per condition and design with studies, whose counts add up', () => {
		expect(keys('/studies/condition/crps/')).toEqual(['b', 'e']);
		expect(keys('/studies/condition/neuropathic-pain/')).toEqual(['a', 'e']);
		expect(keys(`/studies/condition/${NO_CONDITION}/`)).toEqual(['c', 'd']);
		expect(byPath.has('/studies/condition/migraine/')).toBe(false);
		expect(keys('/studies/design/rct/')).toEqual(['a', 'e']);
		expect(keys(`/studies/design/${NOT_RECORDED}/`)).toEqual(['d']);
		const designViews = views.filter((v) => v.filter.kind === 'design');
		expect(designViews.reduce((n, v) => n + v.studies.length, 0)).toBe(STUDIES.length);
		for (const view of views)
			expect(new Set(view.studies.map((s) => s.key)).size).toBe(view.studies.length);
	});

	it('names each view as a reader reads it', () => {
		expect(byPath.get('/studies/condition/crps/')!.title).toBe(
			`Studies on ${conditionLabel('crps')}`,
		);
		expect(conditionLabel(NO_CONDITION)).toBe('No single condition (general sources)');
		expect(designLabel(NOT_RECORDED)).toBe('Design not recorded');
		expect(byPath.get('/studies/design/rct/')!.filter).toEqual({
			kind: 'design',
			value: 'rct',
			label: designLabel('rct'),
		});
	});
});

describe('the home page condition chooser', () => {
	it('links every condition page under the base path, in a labelled nav', () => {
		const html = conditionChooserHtml((path) => `/base${path}`);
		expect(html).toMatch(/^<nav class="kpe-choose" aria-labelledby="kpe-choose-title">/);
		expect(html).toContain(
			'<p class="kpe-choose-title" id="kpe-choose-title">Choose a condition</p>',
		);
		expect(html).toContain('<a href="/base/conditions/crps/">');
		expect(html.match(/<li>/g)).toHaveLength(9);
	});
});
