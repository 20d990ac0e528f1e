/**
 * Confidence intervals written in text ("risk ratio 3.26, 95% CI 1.05 to 10.09"): the lower bound
 * must come first, and the estimate written just before the interval must lie inside it. An
 * interval written backwards (`1.5 to -4.8`) or an estimate outside its interval is a typing slip
 * that a reader cannot see; the checks refuse it where it is written (facts, summary-of-findings rows).
 *
 * Hand-written: no package reads intervals out of free English text. Only the common forms are
 * read (`95% CI a to b`, `CI a to b`, `CI a, b`, and `CI a-b` when `a` has no sign; the estimate as
 * the number right before `(95% CI` or `, 95% CI`); anything else is left alone rather than guessed at.
 */

const NUMBER = String.raw`[-−–]?\d+(?:\.\d+)?`;
/** An unsigned number: the lower bound of a dashed interval (`1.18-13.95`), where a dash is no sign. */
const UNSIGNED = String.raw`\d+(?:\.\d+)?`;
/**
 * `95% CI -4.16 to -3.02`, `CI 1.05, 10.09`, or `CI 1.18-13.95` / `CI 1.18–13.95` (dashed only when
 * the lower bound has no sign: `CI -3-1` is left alone, a dash being also a minus sign).
 */
const INTERVAL = new RegExp(
	String.raw`(?:(?:^|[\s(])(${NUMBER})\s*[,;(]\s*)?(?:\d{2}(?:\.\d)?\s?%\s*)?\bCI\b:?\s*(?:(${NUMBER})\s*(?:to|,)\s*(${NUMBER})|(${UNSIGNED})\s*[-–]\s*(${UNSIGNED})(?![\d.]))`,
	'g',
);

const value = (text: string) => Number(text.replace(/^[−–]/, '-'));

export interface IntervalProblem {
	/** Offset of the interval (or its estimate) in the text. */
	index: number;
	/** The interval as written, for the message. */
	text: string;
	message: string;
	fix: string;
}

/** Every interval in the text that is backwards or does not contain its estimate. */
export function intervalProblems(text: string): IntervalProblem[] {
	const out: IntervalProblem[] = [];
	for (const m of text.matchAll(INTERVAL)) {
		const [whole, estimateText, lowWord, highWord, lowDash, highDash] = m;
		const lowText = lowWord ?? lowDash;
		const highText = highWord ?? highDash;
		const low = value(lowText!);
		const high = value(highText!);
		const shown = whole.slice(whole.search(/(?:\d{2}(?:\.\d)?\s?%\s*)?\bCI\b/));
		if (low > high) {
			out.push({
				index: m.index,
				text: shown,
				message: `The interval "${shown}" is written backwards: its lower bound (${lowText}) is above its upper bound (${highText}).`,
				fix: `Write the lower bound first ("CI ${highText} to ${lowText}"), after checking both numbers against the source.`,
			});
			continue;
		}
		if (estimateText !== undefined) {
			const estimate = value(estimateText);
			if (estimate < low || estimate > high) {
				out.push({
					index: m.index,
					text: shown,
					message: `The estimate ${estimateText} lies outside its interval ${lowText} to ${highText} ("${shown}").`,
					fix: 'Check the estimate and both bounds against the source: one of them is mistyped.',
				});
			}
		}
	}
	return out;
}
