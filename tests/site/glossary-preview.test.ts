/** Each glossary link in the built pages is described by its term's meaning, taken from the glossary. */
import { describe, expect, it } from 'vitest';
import { builtPages, readPage, visibleText } from '../support/dist.ts';

const glossary = readPage('/glossary/');
const linked = builtPages()
	.map((path) => ({ path, links: readPage(path).querySelectorAll('main .kpe-gloss-link') }))
	.filter(({ links }) => links.length > 0);

describe('glossary term previews', () => {
	it('appear on the condition pages', () => {
		expect(linked.map((p) => p.path)).toContain('/conditions/crps/');
	});

	it.each(linked.map(({ path }) => [path]))('%s: each link is described by its meaning', (path) => {
		const page = readPage(path);
		for (const link of page.querySelectorAll('main .kpe-gloss-link')) {
			const id = link.getAttribute('aria-describedby')!;
			const preview = page.getElementById(id);
			expect(preview?.getAttribute('role'), id).toBe('tooltip');
			expect(preview?.getAttribute('data-pagefind-ignore'), id).toBe('all');
			const text = preview!.textContent.trim();
			expect(text, id).not.toMatch(/\[|@/);
			// The glossary's own entry for the term starts with the same sentence.
			const anchor = link.getAttribute('href')!.split('#')[1]!;
			const entry = visibleText(glossary.getElementById(anchor)?.nextElementSibling);
			expect(entry.replace(/\s*\[[^\]]*\]/g, ''), anchor).toContain(text.replace(/\.$/, ''));
		}
	});
});
