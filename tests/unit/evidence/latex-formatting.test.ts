/**
 * Titles exported by Zotero, JabRef and Better BibTeX carry LaTeX font commands for species names
 * and Latin terms. They must render as their text, never be refused as markup (with a hint that
 * suggests "a pilot less than i …"), while real markup spelt in LaTeX is still refused.
 */
import { describe, expect, it } from 'vitest';
import { loadBibtexText } from '../../../src/engine/read/library.ts';
import { checkEntryText } from '../../../src/engine/check/entry-text-rules.ts';
import { formatReferences } from '../../../src/engine/render/format.ts';

const entry = (title: string) =>
	`@article{smith2020pilot,\n  author = {Smith, John},\n  title = {${title}},\n  journal = {Pain},\n  year = {2020},\n  doi = {10.1000/x}\n}\n`;

function load(title: string) {
	const { entries, diagnostics } = loadBibtexText('references/library.bib', entry(title));
	expect(diagnostics).toEqual([]);
	return entries[0]!;
}

describe('LaTeX emphasis in titles', () => {
	it.each([
		['A pilot {\\em open} trial', 'A pilot open trial'],
		['Ketamine in \\emph{Rattus norvegicus}', 'Ketamine in Rattus norvegicus'],
		['An \\textit{in vivo} study', 'An in vivo study'],
		['A \\textbf{bold} and {\\sc small caps} title', 'A bold and small caps title'],
		['Dose in mg/m\\textsuperscript{2}', 'Dose in mg/m2'],
	])('%s reads as plain text and passes the checks', (title, text) => {
		const item = load(title);
		expect(item.csl.title).toBe(text);
		expect(checkEntryText(item)).toEqual([]);
		const [formatted] = formatReferences([item]);
		expect(formatted!.html).toContain(text);
		expect(formatted!.html).not.toMatch(/&lt;|<i>|<b>/);
	});

	it('still refuses markup spelt with \\textless and \\textgreater', () => {
		const item = load('A \\textless script\\textgreater title');
		const problems = checkEntryText(item);
		expect(problems.map((p) => p.code)).toEqual(['markup-in-field']);
		expect(problems[0]!.hint).not.toMatch(/less than i\b/);
	});
});
