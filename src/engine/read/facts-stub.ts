/**
 * The facts file an editor must write for a new study: shown by the `cited-without-facts` error and
 * written by `npm run add-study`. It fails the check (`design: TODO`, `n: TODO`) until filled in, so
 * a study can never be published with facts nobody checked.
 */
import { DESIGNS } from './facts-schema.ts';

export function factsStub(key: string): string {
	return [
		`# Facts for ${key}: what the study did and found, in your own words. Schema: src/engine/read/facts-schema.ts`,
		`key: ${key}`,
		'verified: false          # true once title, authors, journal, year and DOI/PMID match the published record',
		'conditions: []           # e.g. [fibromyalgia]',
		`design: TODO             # one of: ${DESIGNS.join(', ')}`,
		'n: TODO                  # people analysed, or null if the source gives none',
		'route: TODO',
		'regimen: TODO',
		'comparator: TODO',
		'followUp: TODO',
		'outcome: TODO',
		'result: TODO',
		'adverseEffects: TODO',
		'',
	].join('\n');
}

/**
 * The stub's lines for some fields (all of it when `fields` is empty), indented for a hint: offered
 * again whenever a facts file exists but is unfinished.
 */
export function factsStubLines(key: string, fields: readonly string[]): string {
	const lines = factsStub(key).trimEnd().split('\n');
	const wanted =
		fields.length === 0 ? lines : lines.filter((l) => fields.some((f) => l.startsWith(`${f}:`)));
	return (wanted.length > 0 ? wanted : lines).map((l) => `        ${l}`).join('\n');
}
