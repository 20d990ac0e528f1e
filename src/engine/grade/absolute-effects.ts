/**
 * Absolute effects from the counts a source reported (GRADE summary-of-findings arithmetic): the
 * risk with placebo (or the comparator), the risk with ketamine, and the difference per 1,000 with
 * its interval. From arm counts: risk = events / total in each arm. From a control risk (CR) and a
 * risk ratio: risk with ketamine = CR × RR, difference = 1000 × CR × (RR − 1) at each end of the RR's
 * interval; an odds ratio is first turned into a risk ratio with the control risk,
 * RR = OR / (1 − CR × (1 − OR)). Pure arithmetic, no rounding until display.
 */
import type { StudyCount } from '../read/facts-schema.ts';

export interface AbsoluteEffect {
	/** Risk in the comparison arm, 0–1. */
	controlRisk: number;
	/** Risk with ketamine, 0–1. */
	ketamineRisk: number;
	/** (ketamine − control) per 1,000 people. */
	differencePer1000: number;
	/** 95% interval of the difference per 1,000, when one can be computed. */
	interval: [number, number] | null;
	/** Why there is no interval, when there is none. */
	intervalNote?: string;
}

/** An odds ratio turned into a risk ratio at control risk `cr`. */
export function oddsToRiskRatio(or: number, cr: number): number {
	return or / (1 - cr * (1 - or));
}

function armRisk(arm: NonNullable<StudyCount['ketamine']>): number {
	return arm.events !== undefined && arm.total !== undefined
		? arm.events / arm.total
		: arm.percent! / 100;
}

/**
 * Wilson score interval for one proportion (z = 1.96). Hand-written: no maintained npm package
 * offers Newcombe's interval for a difference, which needs this.
 */
export function wilson(events: number, total: number, z = 1.959964): [number, number] {
	const p = events / total;
	const z2 = z * z;
	const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
	const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / (1 + z2 / total);
	return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Newcombe's hybrid score interval (method 10) for the difference of two independent proportions:
 * well behaved with small samples and zero events, where the Wald interval fails.
 */
export function newcombe(e1: number, n1: number, e0: number, n0: number): [number, number] {
	const p1 = e1 / n1;
	const p0 = e0 / n0;
	const [l1, u1] = wilson(e1, n1);
	const [l0, u0] = wilson(e0, n0);
	const d = p1 - p0;
	return [
		d - Math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2),
		d + Math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2),
	];
}

/**
 * The absolute effect of one count, or null when the count holds too little (no control risk).
 * `separateGroups` is false for crossover trials, whose arms are the same people: then no interval
 * is computed from the arm counts (it would need the paired data).
 */
export function absoluteEffect(count: StudyCount, separateGroups = true): AbsoluteEffect | null {
	if (!count.control) return null;
	const controlRisk = armRisk(count.control);
	if (count.relative) {
		const { measure, estimate, low, high } = count.relative;
		const rr = (x: number) => (measure === 'OR' ? oddsToRiskRatio(x, controlRisk) : x);
		const per1000 = (x: number) => 1000 * controlRisk * (rr(x) - 1);
		return {
			controlRisk,
			ketamineRisk: controlRisk * rr(estimate),
			differencePer1000: per1000(estimate),
			interval: [per1000(low), per1000(high)],
		};
	}
	if (!count.ketamine) return null;
	const ketamineRisk = armRisk(count.ketamine);
	const k = count.ketamine;
	const c = count.control;
	const counted =
		k.events !== undefined &&
		k.total !== undefined &&
		c.events !== undefined &&
		c.total !== undefined;
	const interval =
		counted && separateGroups
			? (newcombe(k.events!, k.total!, c.events!, c.total!).map((x) => x * 1000) as [
					number,
					number,
				])
			: null;
	return {
		controlRisk,
		ketamineRisk,
		differencePer1000: 1000 * (ketamineRisk - controlRisk),
		interval,
		...(interval
			? {}
			: {
					intervalNote: counted
						? 'no interval: the same people had both treatments (crossover)'
						: 'no interval: the source gave percentages, not counts',
				}),
	};
}

/** "58 per 1,000 more" / "42 per 1,000 fewer" / "0 per 1,000". */
export function formatPer1000(x: number): string {
	const r = Math.round(x);
	if (r === 0) return '0 per 1,000';
	return `${Math.abs(r).toLocaleString('en-GB')} more per 1,000`.replace(
		'more',
		r > 0 ? 'more' : 'fewer',
	);
}

/** "417 more per 1,000 (95% CI 58 more to 776 more)". */
export function formatDifference(effect: AbsoluteEffect): string {
	const main = formatPer1000(effect.differencePer1000);
	if (!effect.interval) return `${main} (${effect.intervalNote})`;
	const [lo, hi] = effect.interval.map((x) => formatPer1000(x).replace(' per 1,000', ''));
	return `${main} (95% CI ${lo} to ${hi})`;
}

/** A risk as "583 per 1,000". */
export function formatRisk(risk: number): string {
	return `${Math.round(risk * 1000).toLocaleString('en-GB')} per 1,000`;
}

/** A risk out of 100 people, rounded to whole people (what a picture can show). */
export function outOf100(risk: number): number {
	return Math.round(risk * 100);
}
