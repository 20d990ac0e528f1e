/**
 * The "At a glance" text (frontmatter `glance`) of every condition and topic page: readable by a
 * patient (grade 8 or lower on Flesch-Kincaid and Coleman-Liau, measured on the answer and the key
 * harm together) and consistent with the page's own bottom line. SMOG, which the plain layer is also
 * held to, is left out here: it is defined on samples of 30 sentences, and on two sentences each
 * word of three syllables ("ketamine", "arthritis") adds about a grade and a half.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readability } from '../support/readability.ts';
import { pageFrontmatterSchema } from '../../src/engine/read/page-frontmatter.ts';

const PAGES = ['conditions', 'topics'].flatMap((dir) =>
	readdirSync(join('content', dir))
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => join('content', dir, f)),
);

function frontmatter(file: string) {
	const source = readFileSync(file, 'utf8');
	const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)![1]!;
	return { source, data: pageFrontmatterSchema.parse(parseYaml(yaml)) };
}

describe.each(PAGES)('%s', (file) => {
	const { source, data } = frontmatter(file);
	const reviewed = data.pageType === 'condition' || data.pageType === 'topic';

	it.runIf(reviewed)('has an answer and key harm a patient can read (grade ≤ 8)', () => {
		const glance = data.glance!;
		const r = readability([glance.answer, glance.harm]);
		const figures = `FK ${r.fleschKincaid.toFixed(1)}, CL ${r.colemanLiau.toFixed(1)}`;
		expect(r.fleschKincaid, figures).toBeLessThanOrEqual(8);
		expect(r.colemanLiau, figures).toBeLessThanOrEqual(8);
	});

	it.runIf(reviewed && source.includes('<BottomLine'))(
		"states the same certainty as the page's bottom line",
		() => {
			const bottomLine = /<BottomLine certainty="([a-z-]+)"/.exec(source)![1];
			expect(data.glance!.certainty).toBe(bottomLine);
		},
	);
});

describe('glance frontmatter', () => {
	const base = {
		pageType: 'condition',
		conditions: ['crps'],
		lastReviewed: '2026-12-01',
		nextReview: '2027-12-01',
		searchDate: '2026-12-01',
	};
	const glance = {
		answer: 'We do not know if it helps.',
		certainty: 'low',
		harm: 'It can harm the liver.',
		sources: ['noppers2011drug'],
	};

	it('is required on condition and topic pages', () => {
		const result = pageFrontmatterSchema.safeParse(base);
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => i.path.join('.'))).toContain('glance');
	});

	it('refuses citations or Markdown, and more than one sentence', () => {
		for (const answer of [
			'It may help [@smith2020].',
			'It **may** help.',
			'It may help. Or not.',
		]) {
			const result = pageFrontmatterSchema.safeParse({ ...base, glance: { ...glance, answer } });
			expect(result.success, answer).toBe(false);
		}
		expect(pageFrontmatterSchema.safeParse({ ...base, glance }).success).toBe(true);
	});

	it('names at least one source', () => {
		const { sources: _sources, ...unsourced } = glance;
		for (const g of [unsourced, { ...glance, sources: [] }]) {
			const result = pageFrontmatterSchema.safeParse({ ...base, glance: g });
			expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('glance.sources');
		}
	});
});
