/** The "At a glance" box cites its sources by the page's own reference numbers. */
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../../src/engine/check/frontmatter-text.ts';
import { glanceSourceProblems } from '../../../src/engine/check/glance-sources.ts';

const page = `---
title: A page
glance:
  answer: We do not know if it helps.
  certainty: low
  harm: It can harm the liver.
  sources: [smith2020exercise, jones2019trial]
---

It may help [@smith2020exercise].
`;

describe('glance sources', () => {
	it('refuses a source the page text does not cite, at its line', () => {
		const problems = glanceSourceProblems(
			parseFrontmatter(page)!,
			'content/page.mdx',
			new Set(['smith2020exercise']),
		);
		expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code} ${p.key}`)).toEqual([
			'content/page.mdx:7:32 invalid-frontmatter jones2019trial',
		]);
		expect(problems[0]!.hint).toMatch(/Cite the study/);
	});

	it('accepts sources the page cites', () => {
		expect(
			glanceSourceProblems(
				parseFrontmatter(page)!,
				'content/page.mdx',
				new Set(['smith2020exercise', 'jones2019trial']),
			),
		).toEqual([]);
	});
});
