/**
 * Pandoc-style citations in page text: finding clusters, numbering, labels, and the page scanner the
 * checks use to see every citation before any page is built.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
	CitationOrder,
	findClusters,
	groupNumbers,
	scanPage,
} from '../../../src/engine/read/citations.ts';

/** Every citation in a page source, with its position, as the check's page scan finds them. */
const scanPageCitations = (source: string, format?: 'md' | 'mdx') =>
	scanPage(source, format).citations;

describe('findClusters', () => {
	const keys = (text: string) => findClusters(text).map((c) => c.keys);

	it('finds a single citation with its offset and length', () => {
		expect(findClusters('Helped [@a].')).toEqual([{ keys: ['a'], index: 7, length: 4 }]);
	});

	it('finds a cluster of keys separated by semicolons, with or without spaces', () => {
		expect(keys('[@a; @b]')).toEqual([['a', 'b']]);
		expect(keys('[@a;@b]')).toEqual([['a', 'b']]);
		expect(keys('[@a ; @b ]')).toEqual([['a', 'b']]);
		expect(keys('First [@a; @b], then [@c].')).toEqual([['a', 'b'], ['c']]);
	});

	it('accepts Pandoc key characters inside a key', () => {
		expect(keys('[@smith:2020.trial-x_y]')).toEqual([['smith:2020.trial-x_y']]);
		expect(keys('[@smith2020exercise]')).toEqual([['smith2020exercise']]);
	});

	it('does not read an image as a citation', () => {
		expect(findClusters('![@a]')).toEqual([]);
	});

	it('does not read a link or a reference link as a citation', () => {
		expect(findClusters('[@a](https://example.org)')).toEqual([]);
		expect(findClusters('[@a][ref]')).toEqual([]);
	});

	it('does not read an e-mail address or a handle as a citation', () => {
		expect(findClusters('Write to someone@example.org or @someone.')).toEqual([]);
	});

	it('does not read a bracket with text before the key as a citation', () => {
		expect(findClusters('[see @a]')).toEqual([]);
		expect(findClusters('[@a, p. 4]')).toEqual([]);
	});
});

describe('CitationOrder', () => {
	it('numbers keys by first appearance and keeps the number on later citations', () => {
		const order = new CitationOrder();
		expect(order.number('smith2020exercise')).toBe(1);
		expect(order.number('jones2019trial')).toBe(2);
		expect(order.number('smith2020exercise')).toBe(1);
		expect(order.number('brown2021trial')).toBe(3);
		expect(order.keys()).toEqual(['smith2020exercise', 'jones2019trial', 'brown2021trial']);
		expect(order.size).toBe(3);
	});
});

/** The label a cluster's runs read as (render.ts draws each run as one link). */
const formatLabel = (numbers: readonly number[]) =>
	`[${groupNumbers(numbers)
		.map((g) => (g.from === g.to ? String(g.from) : `${g.from}–${g.to}`))
		.join(', ')}]`;

describe('groupNumbers, read as a label', () => {
	it.each([
		[[1], '[1]'],
		[[1, 2], '[1, 2]'],
		[[1, 2, 3], '[1–3]'],
		[[1, 2, 3, 5], '[1–3, 5]'],
		[[1, 2, 4, 5], '[1, 2, 4, 5]'],
		[[1, 2, 2, 1], '[1, 2]'],
		[[3, 1, 2], '[1–3]'],
		[[5, 3, 1, 2, 3], '[1–3, 5]'],
		[[7, 1, 8, 9, 10], '[1, 7–10]'],
	])('formats %j as %s', (numbers, label) => {
		expect(formatLabel(numbers)).toBe(label);
	});

	it('groups numbers into runs, keeping pairs apart', () => {
		expect(groupNumbers([2, 1, 4, 5, 6])).toEqual([
			{ from: 1, to: 1 },
			{ from: 2, to: 2 },
			{ from: 4, to: 6 },
		]);
	});
});

describe('scanPageCitations', () => {
	const found = (source: string) => scanPageCitations(source).map((c) => c.key);

	it('reports each key with its line and the column of its @', () => {
		const source = 'Intro.\n\nText [@a; @b] and [@c;@d].\n';
		expect(scanPageCitations(source)).toEqual([
			{ key: 'a', line: 3, column: 7 },
			{ key: 'b', line: 3, column: 11 },
			{ key: 'c', line: 3, column: 20 },
			{ key: 'd', line: 3, column: 23 },
		]);
	});

	it('skips the frontmatter and counts lines from the top of the file', () => {
		const source = '---\ntitle: "[@inFrontmatter]"\n---\n\nText [@b].';
		expect(scanPageCitations(source)).toEqual([{ key: 'b', line: 5, column: 7 }]);
	});

	it('skips fenced code, with backticks or tildes and longer fences', () => {
		const source = [
			'```md',
			'[@inBackticks]',
			'```',
			'~~~',
			'[@inTildes]',
			'~~~',
			'````',
			'```',
			'[@inLongFence]',
			'````',
			'After [@real].',
		].join('\n');
		expect(scanPageCitations(source)).toEqual([{ key: 'real', line: 11, column: 8 }]);
	});

	it('skips inline code, keeping the columns of what follows', () => {
		const source = 'Write `[@a]` or ``x `[@b]` y`` for [@c].';
		expect(scanPageCitations(source)).toEqual([{ key: 'c', line: 1, column: 37 }]);
	});

	it('skips HTML comments in Markdown pages, as the build does', () => {
		// CommonMark: a line opening with `<!--` is an HTML block up to the line that closes it, so
		// nothing on those lines is text; an inline comment later in a paragraph is raw HTML too.
		const source =
			'<!-- [@a] -->\n\nText [@b] <!-- [@c] --> and [@d].\n\n<!-- open\n[@e]\nclose -->\n';
		expect(buildCitations(source, false)).toEqual(['b', 'd']);
		expect(scanPageCitations(source, 'md')).toEqual([
			{ key: 'b', line: 3, column: 7 },
			{ key: 'd', line: 3, column: 30 },
		]);
	});

	it('skips MDX import and export lines', () => {
		const source = "import X from './x.astro';\nexport const note = '[@a]';\n\nText [@b].";
		expect(found(source)).toEqual(['b']);
	});

	it('skips an indented code block after a blank line in Markdown', () => {
		expect(
			scanPageCitations('Para.\n\n    [@inCode] code\n\nText [@b].', 'md').map((c) => c.key),
		).toEqual(['b']);
	});

	it('does not read e-mail addresses, images or links as citations', () => {
		expect(found('Write to someone@example.org. ![@a](x.png) [@b](https://example.org)')).toEqual(
			[],
		);
	});
});

/** The keys Sätteri (the parser the build uses) sees as citations: `[@key]` in text nodes only. */
function buildCitations(source: string, mdx: boolean): string[] {
	const keys: string[] = [];
	const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
		if (node.type === 'text' && node.value) {
			for (const cluster of findClusters(node.value)) keys.push(...cluster.keys);
		}
		for (const child of node.children ?? []) walk(child as typeof node);
	};
	walk((mdx ? mdxToMdast(source) : markdownToMdast(source)) as never);
	return keys;
}

describe('scanPageCitations agrees with the build about what is a citation', () => {
	it('in text, inline code and fenced code', () => {
		const source = 'Text [@a].\n\nCode `[@b]`.\n\n```\n[@c]\n```\n\nMore [@d; @e].\n';
		expect(scanPageCitations(source).map((c) => c.key)).toEqual(buildCitations(source, false));
		expect(buildCitations(source, false)).toEqual(['a', 'd', 'e']);
	});

	it('sees a citation in a nested list item indented four spaces', () => {
		const source = '- Studies in fibromyalgia:\n    - a crossover trial [@smith2020exercise]\n';
		expect(buildCitations(source, false)).toEqual(['smith2020exercise']);
		expect(scanPageCitations(source)).toEqual([{ key: 'smith2020exercise', line: 2, column: 26 }]);
	});

	it('sees a citation indented inside an MDX component', () => {
		const source = '<Aside>\n    Ketamine helped some people [@smith2020exercise].\n</Aside>\n';
		expect(buildCitations(source, true)).toEqual(['smith2020exercise']);
		expect(scanPageCitations(source).map((c) => c.key)).toEqual(['smith2020exercise']);
	});

	it('ignores a citation inside an MDX comment', () => {
		const source =
			"Text [@a].\n\n{/* An editor's note: needs [@draft2024key]. */}\n\nMore {/* [@b] */} text.\n";
		expect(buildCitations(source, true)).toEqual(['a']);
		expect(scanPageCitations(source).map((c) => c.key)).toEqual(['a']);
	});

	it('does not close a code fence on a line with an info string', () => {
		const source = '```\nExample:\n```md\n[@inCode]\n```\n\nAfter the code [@real].\n';
		expect(buildCitations(source, false)).toEqual(['real']);
		expect(scanPageCitations(source).map((c) => c.key)).toEqual(['real']);
	});
});
