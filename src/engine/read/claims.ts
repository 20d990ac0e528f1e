/**
 * Clinic claims weighed against the evidence: one YAML file per claim in `content/claims/`, so an
 * editor adds a claim the way they add a study. The explanation may cite the library with `[@key]`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlFile } from './yaml-file.ts';
import { z } from 'zod';
import { certaintySchema, conditionSchema } from './page-frontmatter.ts';
import type { Diagnostic } from '../problems/diagnostics.ts';
import { displayPath } from './library.ts';
import { fieldCitations } from './field-citations.ts';

export const VERDICTS = ['supported', 'partly-supported', 'not-supported', 'unknown'] as const;
export const VERDICT_LABELS: Record<(typeof VERDICTS)[number], string> = {
	supported: 'Supported',
	'partly-supported': 'Partly supported',
	'not-supported': 'Not supported',
	unknown: 'Unknown',
};

export const claimSchema = z.strictObject({
	/** Stable id, used as the anchor `#claim-<id>`. @example id: fibromyalgia-relief */
	id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
	/** Position in the list. @example order: 6 */
	order: z.number().int().positive(),
	/** The claim as clinics make it, said in our own words. */
	claim: z.string().min(10),
	/** What the library says of it. */
	verdict: z.enum(VERDICTS),
	/** GRADE certainty of the evidence behind the verdict (`not-graded` when there is too little). */
	certainty: certaintySchema,
	/**
	 * The plain answer, shown first: one short sentence in everyday words (reading grade 8 or below,
	 * tested), saying nothing the explanation and its studies do not. No citations: the page cites
	 * every study of the explanation after it.
	 * @example answer: No trial we found tested six drips for pain, and pain studies used very different plans.
	 */
	answer: z
		.string()
		.trim()
		.min(10)
		.refine((text) => !/[.!?]\s+\S/.test(text), 'one sentence only (the explanation says the rest)')
		.refine((text) => text.split(/\s+/).length <= 25, 'at most 25 words')
		.refine(
			(text) => !text.includes('[@'),
			"no citations (the page cites the explanation's studies)",
		),
	/** Two sentences, in our own words, each citing the library with `[@key]`. */
	explanation: z.string().min(20),
	/** Condition pages this claim concerns (they link back to it). @default [] */
	conditions: z.array(conditionSchema).default([]),
	/** Topic pages this claim concerns, by slug under /topics/. @default [] */
	topics: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
});
export type Claim = z.infer<typeof claimSchema>;

export interface ClaimRecord {
	file: string;
	line: number;
	claim: Claim;
}

/** Loads and validates every claim file; checks the keys its explanation cites. */
export function loadClaims(
	claimsDir: string,
	root: string,
): {
	claims: ClaimRecord[];
	diagnostics: Diagnostic[];
	citations: { key: string; file: string; line: number; column: number }[];
} {
	const claims: ClaimRecord[] = [];
	const diagnostics: Diagnostic[] = [];
	const citations: { key: string; file: string; line: number; column: number }[] = [];
	if (!existsSync(claimsDir)) return { claims, diagnostics, citations };
	for (const name of readdirSync(claimsDir)
		.filter((n) => /\.ya?ml$/.test(n))
		.sort()) {
		const file = displayPath(root, join(claimsDir, name));
		const read = readYamlFile(join(claimsDir, name), file, claimSchema, {
			code: 'invalid-claim',
			titleFields: ['claim'],
			identifierFields: ['id'],
			yamlHint: 'Compare with another claim file; quote text that contains `: `.',
			schemaHint:
				'See the field descriptions in src/engine/read/claims.ts (verdicts, certainty levels, conditions).',
		});
		diagnostics.push(...read.diagnostics);
		if (!read.data) continue;
		const claim = read.data;
		const start = read.positionOf(['explanation']);
		const cited = fieldCitations(claim.explanation, file, start);
		citations.push(...cited.citations);
		diagnostics.push(...cited.diagnostics);
		if (cited.citations.length === 0) {
			diagnostics.push({
				code: 'invalid-claim',
				file,
				...start,
				message: 'The explanation cites no study.',
				hint: 'Cite the library with `[@key]` in each sentence of the explanation.',
			});
		}
		claims.push({ file, line: start.line, claim });
	}
	return { claims: claims.sort((a, b) => a.claim.order - b.claim.order), diagnostics, citations };
}
