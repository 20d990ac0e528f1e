/**
 * BibTeX `and others` / `and {others}` means "et al.": no style or export may print "others" as an
 * author ("Ferraro MC, others." was on 39 built pages), and a missing year reads "n.d.".
 */
import { describe, expect, it } from 'vitest';
import { loadBibtexText } from '../../../src/engine/read/library.ts';
import { formatReferences, shortReference } from '../../../src/engine/render/format.ts';
import { studyLabel } from '../../../src/engine/render/tables.ts';
import { exportItem, RIS_ET_AL_NOTE, toBibtex, toRis } from '../../../src/engine/render/exports.ts';
import { highwireMeta, studyJsonLd } from '../../../src/engine/render/structured-data.ts';

const BIB = String.raw`
@article{ferraro2025ketamine,
  author  = {Ferraro, Michael C. and others},
  title   = {Ketamine for chronic pain},
  journal = {Cochrane Database Syst Rev},
  year    = {2025},
  doi     = {10.1000/abc}
}

@article{nikolajsen1996effect,
  author  = {Nikolajsen, L. and Hansen, C. L. and {others}},
  title   = {The effect of ketamine on phantom pain},
  journal = {Pain},
  year    = {1996},
  doi     = {10.1000/def}
}

@article{eichenberger2008chronic,
  author = {Eichenberger, Urs and Neff, Frank},
  title  = {Chronic phantom limb pain},
  noidreason = {Only the title and authors were seen}
}
`;

const { entries, diagnostics } = loadBibtexText('references/library.bib', BIB);
const byKey = new Map(entries.map((e) => [e.key, e]));
const ferraro = byKey.get('ferraro2025ketamine')!;
const nikolajsen = byKey.get('nikolajsen1996effect')!;

describe('"and others" as et al.', () => {
	it('loads without an author called "others"', () => {
		expect(diagnostics).toEqual([]);
		for (const entry of [ferraro, nikolajsen])
			expect(entry.csl.author!.map((a) => a.family ?? a.literal)).not.toContain('others');
	});

	it('prints "et al." in the Vancouver reference and the preview', () => {
		const [f, n] = formatReferences([ferraro, nikolajsen]);
		expect(f!.html).toMatch(/^Ferraro MC, et al\. Ketamine for chronic pain\./);
		expect(n!.html).toMatch(/^Nikolajsen L, Hansen CL, et al\. The effect/);
		expect(f!.html + n!.html).not.toMatch(/others/i);
		expect(shortReference(ferraro.csl)).toBe('Ferraro MC et al. 2025. Ketamine for chronic pain');
	});

	it('writes BibTeX `and others` (bare, not a person in braces)', () => {
		const bib = toBibtex([exportItem(ferraro.key, ferraro.csl, true)]);
		expect(bib).toContain('author = {Ferraro, Michael C. and others}');
		expect(bib).not.toContain('{others}');
		expect(bib).not.toContain('kpe');
	});

	it('names no "others" author in RIS, and says in a note that more authors exist', () => {
		const ris = toRis([exportItem(ferraro.key, ferraro.csl, true)]);
		expect(ris).not.toMatch(/^AU {2}- others/m);
		expect(ris).toMatch(/^AU {2}- Ferraro, Michael C\.$/m);
		expect(ris).toContain(`N1  - ${RIS_ET_AL_NOTE}`);
	});

	it('lists no person called "others" for search engines or reference managers', () => {
		const json = JSON.stringify(studyJsonLd(ferraro.csl, { url: 'https://x/', verified: true }));
		expect(json).not.toMatch(/others/i);
		expect(highwireMeta(ferraro.csl, true).map((m) => m.content)).not.toContain('others');
	});
});

describe('a missing year', () => {
	const eichenberger = byKey.get('eichenberger2008chronic')!;
	it('reads "n.d." in labels and previews, never a bare name', () => {
		expect(studyLabel(eichenberger.csl)).toBe('Eichenberger n.d.');
		expect(shortReference(eichenberger.csl)).toBe(
			'Eichenberger U et al. n.d. Chronic phantom limb pain',
		);
	});
});
