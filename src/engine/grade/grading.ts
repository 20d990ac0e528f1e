/**
 * GRADE arithmetic for one summary-of-findings row: where the rating starts (randomised evidence
 * high, observational low), minus each downgrade, plus each upgrade, never below very low; or a
 * review's own rating taken as it stands. Also the one rule for "not graded" and the problems the
 * check reports when a row's certainty does not add up. Pure: no Astro, no files.
 */
import type { Certainty, Outcome } from '../read/page-frontmatter.ts';
import { DESIGNS, type StudyFacts } from '../read/facts-schema.ts';

type Level = Exclude<Certainty, 'not-graded'>;

/** Levels from very low (1) to high (4). */
const RANK: Record<Level, number> = { 'very-low': 1, low: 2, moderate: 3, high: 4 };
const BY_RANK: Level[] = ['very-low', 'very-low', 'low', 'moderate', 'high'];

/**
 * Designs that can carry a rating: studies of several people that report a result with a comparison
 * (a control group, a before-and-after series, or a pooled estimate). Single-patient reports,
 * narrative reviews, guidelines, alerts and laboratory studies cannot.
 */
export const GRADABLE_DESIGNS: ReadonlySet<StudyFacts['design']> = new Set(
	// DESIGNS runs from strongest to weakest: every design before the single-patient report.
	DESIGNS.slice(0, DESIGNS.indexOf('case-report')),
);

/** Designs whose evidence starts high. */
const RANDOMISED_DESIGNS: ReadonlySet<StudyFacts['design']> = new Set([
	'meta-analysis',
	'systematic-review',
	'rct',
	'crossover-rct',
]);

/**
 * The site's one rule for "Not graded", shown on the how-we-grade page and applied by the check: an
 * outcome is graded only when at least one study of several people in the row gives a figure for
 * it. Where the only reports are of single patients, or no study gives a number for the outcome, the
 * row says "Not graded" and why.
 */
export const NOT_GRADED_RULE =
	'We grade an outcome only when at least one study of several people gives a figure for it. Where the only reports are of single patients, or the studies give no number for that outcome, the row says "Not graded" and why.';

export interface Computed {
	/** The level the arithmetic gives. */
	certainty: Level;
	/** How it got there, e.g. "randomised: high; imprecision −2; risk of bias −1 → very low". */
	working: string;
}

const WORDS: Record<Level, string> = {
	high: 'high',
	moderate: 'moderate',
	low: 'low',
	'very-low': 'very low',
};

export const DOMAIN_WORDS: Record<string, string> = {
	'risk-of-bias': 'risk of bias',
	inconsistency: 'inconsistency',
	indirectness: 'indirectness',
	imprecision: 'imprecision',
	'publication-bias': 'publication bias',
	'large-effect': 'large effect',
	'dose-response': 'dose-response',
	confounding: 'confounding',
};

/**
 * The certainty a graded row's own data give, with the working shown; null for a row that is not
 * graded or says nothing to compute from (no `start` and no `adopts`).
 */
export function computeCertainty(outcome: Outcome): Computed | null {
	if (outcome.certainty === 'not-graded') return null;
	if (outcome.adopts) {
		return {
			certainty: outcome.adopts.certainty,
			working: `adopts ${outcome.adopts.review}'s own rating: ${WORDS[outcome.adopts.certainty]}`,
		};
	}
	if (!outcome.start) return null;
	const start: Level = outcome.start === 'randomised' ? 'high' : 'low';
	const down = outcome.downgrades.reduce((sum, d) => sum + d.levels, 0);
	const up = outcome.upgrades.reduce((sum, u) => sum + u.levels, 0);
	const rank = Math.min(4, Math.max(1, RANK[start] - down + up));
	const steps = [
		...outcome.downgrades.map((d) => `${DOMAIN_WORDS[d.reason]} −${d.levels}`),
		...outcome.upgrades.map((u) => `${DOMAIN_WORDS[u.reason]} +${u.levels}`),
	];
	const certainty = BY_RANK[rank]!;
	return {
		certainty,
		working: `${outcome.start}: ${WORDS[start]}${steps.length ? `; ${steps.join('; ')}` : ''} → ${WORDS[certainty]}`,
	};
}

/** A problem with one row's grading, for the check to place at the row's line. */
export interface GradingProblem {
	code:
		'certainty-mismatch' | 'inconsistency-outside-row' | 'graded-without-study' | 'invalid-grading';
	/** Which part of the row (`certainty`, `downgrades.2`, `adopts`…), to find its line. */
	path: (string | number)[];
	message: string;
	hint: string;
}

/**
 * Everything wrong with how one row is graded. `factsOf` gives a study's facts (undefined when it has
 * none: the check reports that elsewhere).
 */
export function gradingProblems(
	outcome: Outcome,
	factsOf: (key: string) => StudyFacts | undefined,
): GradingProblem[] {
	const problems: GradingProblem[] = [];
	const inRow = new Set(outcome.studies);
	if (outcome.certainty === 'not-graded') {
		const extra = [
			outcome.start && 'start',
			outcome.adopts && 'adopts',
			outcome.downgrades.length && 'downgrades',
			outcome.upgrades.length && 'upgrades',
		].filter(Boolean);
		if (extra.length)
			problems.push({
				code: 'invalid-grading',
				path: ['certainty'],
				message: `A not-graded row has nothing to add up, but this one lists ${extra.join(', ')}.`,
				hint: `Remove ${extra.join(', ')}, or grade the row. ${NOT_GRADED_RULE}`,
			});
		return problems;
	}

	const studies = outcome.studies.map((key) => ({ key, facts: factsOf(key) }));
	const gradable = studies.filter(
		({ facts }) => facts && GRADABLE_DESIGNS.has(facts.design) && (facts.n === null || facts.n > 1),
	);
	if (studies.every(({ facts }) => facts) && gradable.length === 0) {
		const designs = studies.map(({ key, facts }) => `${key} (${facts!.design})`).join(', ');
		problems.push({
			code: 'graded-without-study',
			path: ['certainty'],
			message: `This row is graded "${outcome.certainty}", but none of its studies can carry a rating: ${designs}.`,
			hint: `Set \`certainty: not-graded\` and say why in \`effect\`, or add a study of several people that reports the outcome. ${NOT_GRADED_RULE}`,
		});
	}

	if (outcome.adopts) {
		if (!inRow.has(outcome.adopts.review))
			problems.push({
				code: 'invalid-grading',
				path: ['adopts', 'review'],
				message: `The row adopts the rating of "${outcome.adopts.review}", which is not among its studies.`,
				hint: `Add ${outcome.adopts.review} to \`studies\`, or name the review the row rests on.`,
			});
		if (outcome.start || outcome.downgrades.length || outcome.upgrades.length)
			problems.push({
				code: 'invalid-grading',
				path: ['adopts'],
				message:
					'A row that adopts a review’s own rating explains it; it does not also start a rating of its own or subtract from it.',
				hint: 'Remove `start`, `downgrades` and `upgrades` and say why in `adopts.note`, or drop `adopts` and grade the row yourself.',
			});
	} else if (!outcome.start) {
		problems.push({
			code: 'invalid-grading',
			path: ['certainty'],
			message: `The row is graded "${outcome.certainty}" but does not say where its rating starts.`,
			hint: 'Add `start: randomised` (starts high) or `start: observational` (starts low), or `adopts: { review, certainty, note }` to take a review’s own rating.',
		});
	} else if (
		outcome.start === 'randomised' &&
		studies.every(({ facts }) => facts && !RANDOMISED_DESIGNS.has(facts.design))
	) {
		problems.push({
			code: 'invalid-grading',
			path: ['start'],
			message: 'The row starts as randomised evidence, but none of its studies is randomised.',
			hint: 'Set `start: observational` (starts low).',
		});
	}

	outcome.downgrades.forEach((d, i) => {
		if (d.reason !== 'inconsistency') {
			if (d.between)
				problems.push({
					code: 'invalid-grading',
					path: ['downgrades', i, 'between'],
					message: `\`between\` belongs to an inconsistency downgrade, not ${DOMAIN_WORDS[d.reason]}.`,
					hint: 'Remove `between`.',
				});
			return;
		}
		const between = d.between ?? [];
		const outside = between.filter((key) => !inRow.has(key));
		const single = between.length === 1 ? factsOf(between[0]!) : undefined;
		const pooled = single?.design === 'meta-analysis' || single?.design === 'systematic-review';
		if (outside.length || between.length === 0 || (between.length === 1 && !pooled)) {
			problems.push({
				code: 'inconsistency-outside-row',
				path: ['downgrades', i],
				message: outside.length
					? `The inconsistency downgrade names ${outside.join(', ')}, which ${outside.length === 1 ? 'is' : 'are'} not among the row's studies: inconsistency is disagreement among the studies that make the estimate.`
					: between.length === 0
						? 'The inconsistency downgrade does not say which of the row’s studies disagree.'
						: `The inconsistency downgrade names one study (${between[0]}), which is not a review that pools trials.`,
				hint: outside.length
					? `Add ${outside.join(', ')} to the row's \`studies\`, or move the point to another domain (indirectness, imprecision) or to the text.`
					: 'List the disagreeing studies of the row under `between` (two or more, or one meta-analysis whose trials disagree).',
			});
		}
	});

	const computed = computeCertainty(outcome);
	if (computed && computed.certainty !== outcome.certainty) {
		problems.push({
			code: 'certainty-mismatch',
			path: ['certainty'],
			message: `The row states "${outcome.certainty}", but its own grading gives "${computed.certainty}" (${computed.working}).`,
			hint: `Set \`certainty: ${computed.certainty}\`, or change the downgrades or upgrades that do not hold.`,
		});
	}
	return problems;
}

/** How many studies and people a row rests on, counting each person once. */
export interface PeopleCount {
	studies: number;
	/** People counted once: reviews' people, plus studies not known to be inside a listed review. */
	people: number;
	/** Studies that gave no count. */
	unknown: number;
	/** Some studies may be inside a listed review without the facts saying so: the count may be low or double. */
	overlapping: boolean;
}

const REVIEW_DESIGNS: ReadonlySet<StudyFacts['design']> = new Set([
	'meta-analysis',
	'systematic-review',
]);

/**
 * People behind a row, each counted once. A study that a listed review is known to include
 * (`includes` in the review's facts) adds no one; a study that a listed review could include (the
 * review is later and its list is not known to name it) adds no one either, and the row is marked
 * overlapping. People in a comparison smaller than the study (`nCompared`) are counted as such.
 */
export function countPeople(
	studies: readonly { facts: StudyFacts; year?: number | undefined }[],
): PeopleCount {
	// The largest review is counted first; later studies are weighed against the reviews counted.
	const ordered = [...studies].sort(
		(a, b) =>
			Number(REVIEW_DESIGNS.has(b.facts.design)) - Number(REVIEW_DESIGNS.has(a.facts.design)) ||
			(b.facts.n ?? 0) - (a.facts.n ?? 0),
	);
	const counted: typeof ordered = [];
	let people = 0;
	let unknown = 0;
	let overlapping = false;
	for (const study of ordered) {
		const { facts } = study;
		const reviews = counted.filter((r) => REVIEW_DESIGNS.has(r.facts.design));
		if (reviews.some((r) => r.facts.includes.includes(facts.key))) continue;
		// Two reviews of the same condition, or a trial no later than a review of its condition, may
		// share people: count them once (the review) and say so.
		// A review of unknown size cannot stand for them: its studies are counted, and flagged.
		const couldBeInside = reviews.some(
			(r) =>
				r.facts.conditions.some((c) => facts.conditions.includes(c)) &&
				(REVIEW_DESIGNS.has(facts.design) ||
					r.year === undefined ||
					study.year === undefined ||
					study.year <= r.year),
		);
		if (couldBeInside) {
			overlapping = true;
			if (reviews.some((r) => r.facts.n !== null)) continue;
		}
		counted.push(study);
		const n = facts.nCompared ?? facts.n;
		if (n === null) unknown++;
		else people += n;
	}
	return { studies: studies.length, people, unknown, overlapping };
}

/** "2 studies (39 people)", "3 studies (at least 706 people; overlapping)". */
export function peopleLabel({ studies, people, unknown, overlapping }: PeopleCount): string {
	const count = `${studies} ${studies === 1 ? 'study' : 'studies'}`;
	const who = overlapping ? `at least ${people}` : `${people}`;
	const notes = [
		...(unknown ? [`${unknown} without a count`] : []),
		...(overlapping ? ['overlapping'] : []),
	];
	return `${count} (${who}${notes.length ? `; ${notes.join('; ')}` : ''})`;
}
