/**
 * What readers see once the literature watch has run: a copy of the site is built with one run
 * made by the engine from the recorded responses in tests/fixtures/watch (the only trial data
 * there is; in the copy it stands in for a real run), two screening decisions and an expression of
 * concern on a cited study. The project's own dist/ (no run yet) is checked in
 * watch-no-run.test.ts.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as watch } from '../../scripts/watch.ts';
import { buildProjectCopy, type BuiltCopy } from '../support/project-copy.ts';
import { visibleText } from '../support/dist.ts';

let copy: BuiltCopy;
const read = (path: string): HTMLElement =>
	parse(readFileSync(join(copy.dist, path.replace(/^\//, ''), 'index.html'), 'utf8'));

beforeAll(async () => {
	const dryRun = mkdtempSync(join(tmpdir(), 'kpe-watch-'));
	const out: string[] = [];
	const code = await watch({
		argv: ['--fixtures', 'tests/fixtures/watch', '--out', dryRun, '--today', '2026-12-08'],
		env: {},
		out: (l) => out.push(l),
		err: (l) => out.push(l),
	});
	expect(code, out.join('\n')).toBe(0);
	const runDir = join(dryRun, 'runs');
	const [name] = readdirSync(runDir).filter((n) => n.endsWith('.json'));
	const runFile = join(runDir, name!);
	const run = JSON.parse(readFileSync(runFile, 'utf8'));
	run.fixtures = false;
	const runJson = `${JSON.stringify(run, null, '\t')}\n`;
	const decisions = [
		'decisions:',
		'  - record: pmid:99000001',
		'    decision: excluded',
		'    reason: wrong-design',
		'    date: 2026-12-09',
		'  - record: pmid:99000002',
		'    decision: included',
		'    date: 2026-12-09',
		'',
	].join('\n');
	rmSync(dryRun, { recursive: true, force: true });
	copy = buildProjectCopy('watch-pages', {
		change: (root) => {
			writeFileSync(join(root, 'references/watch/runs', name!), runJson);
			writeFileSync(join(root, 'references/watch/decisions.yaml'), decisions);
			const facts = join(root, 'references/facts/sigtermans2009ketamine.yaml');
			writeFileSync(
				facts,
				`${readFileSync(facts, 'utf8').trimEnd()}\nretraction: { type: expression-of-concern, date: 2026-12-07, source: crossref }\n`,
			);
		},
	});
}, 0);

afterAll(() => copy?.cleanup());

describe('a condition page after a run', () => {
	it('shows the flow of records since its search date, as SVG and as a list with the same numbers', () => {
		const page = read('/conditions/fibromyalgia/');
		const box = page.querySelector('#how-current')!.parentNode as HTMLElement;
		const text = visibleText(box);
		expect(text).toContain(
			'Literature last searched on 8 December 2026 in PubMed, Europe PMC and ClinicalTrials.gov',
		);
		// PubMed 2 + Europe PMC 3 + one registered trial with results = 6; 4 new, 2 already known.
		expect(text).toContain('Records found 6 (PubMed: 2, Europe PMC: 3, ClinicalTrials.gov: 1)');
		expect(text).toContain('Duplicates or already in our library 2');
		expect(text).toContain('New records screened 2 of 4');
		expect(text).toContain('Excluded Not a design the protocol includes: 1');
		expect(text).toContain('Awaiting screening 2');
		expect(text).toContain('Included 1 (0 added to the library)');
		const svg = box.querySelector('svg')!;
		expect(svg.getAttribute('role')).toBe('img');
		const caption = page.getElementById(svg.getAttribute('aria-labelledby')!);
		expect(visibleText(caption)).toContain("since this page's own search on 1 December 2026");
		// Fits the column at any width: a 320-unit viewBox scaled to 100 %.
		expect(svg.getAttribute('viewBox')).toMatch(/^0 0 320 \d+$/);
		expect(svg.getAttribute('width')).toBe('100%');
		expect(svg.textContent).toContain('Records found since 2026-12-01: 6');
	});

	it('lists the registered trials under way, from the run only', () => {
		const section = read('/conditions/fibromyalgia/').querySelector('#trials-under-way')!
			.parentNode as HTMLElement;
		const text = visibleText(section);
		expect(text).toContain(
			'ClinicalTrials.gov listed 3 registered studies of ketamine for this condition; 2 are recruiting or under way',
		);
		expect(text).toContain('NCT99000001');
		expect(text).toContain('NCT99000002');
		expect(text).not.toContain('NCT99000003: ');
		expect(text).toContain(
			'1 completed trial has posted results that the editors have not yet weighed',
		);
		expect(
			section.querySelector('a[href="https://clinicaltrials.gov/study/NCT99000001"]'),
		).not.toBeNull();
	});

	it('adds the run to the page history, the changelog and the feed', () => {
		const summary =
			'Literature watch: 4 new records found, to be screened; the list of registered trials changed.';
		expect(
			visibleText(read('/conditions/fibromyalgia/').querySelector('.kpe-update-history')),
		).toContain(summary);
		expect(visibleText(read('/changelog/').querySelector('main'))).toContain(summary);
		expect(readFileSync(join(copy.dist, 'rss.xml'), 'utf8')).toContain(`Fibromyalgia: ${summary}`);
	});

	it('counts known records as duplicates on a page with nothing new', () => {
		const text = visibleText(read('/conditions/crps/').querySelector('.kpe-page-currency'));
		expect(text).toContain('Records found 2 (PubMed: 1, Europe PMC: 1, ClinicalTrials.gov: 0)');
		expect(text).toContain('New records screened 0 of 0');
	});
});

describe('pages the run did not search', () => {
	it('still say the watch has not run for them (a monthly topic not yet due)', () => {
		const text = visibleText(read('/topics/mood/').querySelector('.kpe-page-currency'));
		expect(text).toContain('has not run for this page yet');
	});
});

describe('a study with a notice', () => {
	it('shows it at the top of its study page', () => {
		const text = visibleText(
			read('/studies/sigtermans2009ketamine/').querySelector('.kpe-retraction'),
		);
		expect(text).toContain('The journal has published an expression of concern about this study');
		expect(text).toContain('7 December 2026');
	});
});

describe('the methods page', () => {
	it('lists the run', () => {
		expect(visibleText(read('/about/literature-watch/').querySelector('main'))).toContain(
			'8 December 2026: 10 pages searched, 4 new records found',
		);
	});
});
