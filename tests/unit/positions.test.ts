/** The one offset-to-position helper every diagnostic uses, and the `.md` body shift built on it. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex, positionAt, positionIn } from '../../src/engine/read/position.ts';
import { markdownBodyStart } from '../../src/markdown/locate.ts';

describe('positions', () => {
	it('count lines and columns from 1', () => {
		const text = 'ab\ncd\n\nef';
		expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
		expect(positionAt(text, 2)).toEqual({ line: 1, column: 3 });
		expect(positionAt(text, 3)).toEqual({ line: 2, column: 1 });
		expect(positionAt(text, 7)).toEqual({ line: 4, column: 1 });
		expect(positionAt(text, 99)).toEqual({ line: 4, column: 3 });
	});
	it('agree between one lookup and the index built for many', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', '\n', 'é') }), fc.nat(), (text, n) => {
				const offset = text.length ? n % (text.length + 1) : 0;
				expect(positionAt(text, offset)).toEqual(new LineIndex(text).at(offset));
			}),
		);
	});
	it('place an offset inside a text that starts mid-file', () => {
		expect(positionIn({ line: 5, column: 10 }, 'see @a', 4)).toEqual({ line: 5, column: 14 });
		expect(positionIn({ line: 5, column: 10 }, 'one\ntwo @a', 8)).toEqual({ line: 6, column: 5 });
	});
	it('find where Astro starts a .md body: after the frontmatter and the white space after it', () => {
		expect(markdownBodyStart('---\ntitle: x\n---\n\n\nText')).toEqual({ line: 6, column: 1 });
		expect(markdownBodyStart('---\ntitle: x\n---\n\n  Text')).toEqual({ line: 5, column: 3 });
		expect(markdownBodyStart('Text')).toEqual({ line: 1, column: 1 });
	});
});
