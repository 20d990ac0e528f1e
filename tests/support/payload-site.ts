/**
 * A copy of the whole site with injection payloads added in every field an editor's pull request can
 * fill and the checks allow (facts, claims, glossary, frontmatter, BibTeX), built into its own folder.
 *
 * The fields where markup is never legitimate (titles, names, journals, keys) are refused by the checks
 * (tests/unit/security/): they hold the payloads that survive those checks, quotes and ampersands.
 * Everything else may hold `<` ("p<0.05") and must be escaped on every path to HTML; this site proves
 * it in a real build and a real browser. Copying the project (not a hand-made mini-site) means the
 * payloads go through exactly the wiring readers get.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProjectCopy, type BuiltCopy } from './project-copy.ts';

/** Each payload carries a marker, so a test can tell which one ran if one ever does. */
export const PAYLOADS = {
	closeScript: `</script><script>alert('kpe-1')</script>`,
	imgOnerror: `<img src=x onerror=alert('kpe-2')>`,
	breakAttribute: `"><svg onload=alert('kpe-3')>`,
	entityEscaped: `&lt;img src=x onerror=alert('kpe-4')&gt;`,
	jsUrl: `javascript:alert('kpe-5')`,
	closeTitle: `</title><img src=x onerror=alert('kpe-6')>`,
};
const ALL = Object.values(PAYLOADS).join(' ');
/** What a title-like field may hold: quotes and ampersands that would break a careless attribute. */
const QUOTES = `Probe "q" ' onmouseover=alert('kpe-7') x=' & more`;

export const PROBE_KEY = 'payload2020probe';
export const PROBE_PAGE = '/payload-probe/';
/** The built pages that show the payloads. */
export const PROBE_PAGES = [
	PROBE_PAGE,
	`/studies/${PROBE_KEY}/`,
	'/studies/',
	'/claims/',
	'/glossary/',
];

const yamlString = (text: string) => JSON.stringify(text);

function addPayloads(site: string): void {
	appendFileSync(
		join(site, 'references/topics.bib'),
		`\n@article{${PROBE_KEY},\n  author = {O'Probe, Al and Quote, "Bo"},\n  title = {${QUOTES.replace(/&/g, '\\&')}},\n  journal = {Journal " autofocus onfocus="alert('kpe-8')},\n  year = {2020},\n  doi = {10.1000/kpe.probe"onmouseover="alert(9)},\n}\n`,
	);
	writeFileSync(
		join(site, `references/facts/${PROBE_KEY}.yaml`),
		[
			`key: ${PROBE_KEY}`,
			'verified: true',
			'conditions: [crps]',
			'design: rct',
			'n: 10',
			...[
				'route',
				'regimen',
				'comparator',
				'followUp',
				'outcome',
				'result',
				'adverseEffects',
				'caveats',
			].map((field) => `${field}: ${yamlString(`${field} ${ALL}`)}`),
			`keyFacts: [${yamlString(`key fact ${ALL}`)}]`,
			'sources: ["https://doi.org/10.1000/kpe.probe"]',
		].join('\n'),
	);
	writeFileSync(
		join(site, 'content/claims/99-payload-probe.yaml'),
		[
			'id: payload-probe',
			'order: 99',
			`claim: ${yamlString(QUOTES)}`,
			'verdict: unknown',
			'certainty: very-low',
			`answer: ${yamlString(`Answer ${ALL}`)}`,
			`explanation: ${yamlString(`Explanation ${ALL} [@${PROBE_KEY}]`)}`,
			'conditions: [crps]',
		].join('\n'),
	);
	appendFileSync(
		join(site, 'content/glossary.yaml'),
		`\n- id: payload-probe\n  term: ${yamlString(`Probe "term" & co`)}\n  aliases: [${yamlString(`probe ' alias`)}]\n  definition: ${yamlString(`Definition ${ALL} [@${PROBE_KEY}]`)}\n`,
	);
	writeFileSync(
		join(site, 'content/payload-probe.mdx'),
		[
			'---',
			`title: ${yamlString(QUOTES)}`,
			`description: ${yamlString(`Description ${ALL}`)}`,
			'pageType: about',
			`authors: [${yamlString(`Author ${PAYLOADS.imgOnerror}`)}]`,
			'outcomes:',
			`  - outcome: ${yamlString(`Outcome ${ALL}`)}`,
			`    studies: [${PROBE_KEY}]`,
			// Worded and graded as the check requires, so the build gets to render the payloads.
			`    effect: ${yamlString(`It is uncertain whether it helps because the evidence is very uncertain. Effect ${ALL}`)}`,
			'    certainty: very-low',
			'    start: observational',
			'    downgrades:',
			'      - reason: imprecision',
			'        levels: 2',
			`        note: ${yamlString(`Note ${ALL}`)}`,
			'---',
			'',
			`## In plain words`,
			'',
			`A probe term: Probe "term" & co. A cited sentence [@${PROBE_KEY}].`,
			'',
			'## For clinicians',
			'',
			`::summary-of-findings{caption="Probe"}`,
			'',
			`::evidence-table{keys="${PROBE_KEY}" caption="Probe studies"}`,
			'',
		].join('\n'),
	);
}

/** Copies the project, adds the payloads and builds it; returns where the build is. */
export function buildPayloadSite(): BuiltCopy {
	return buildProjectCopy('payload-site', { change: addPayloads });
}
