/**
 * Facts files point editors and readers at the study itself: its DOI, its PubMed record, the
 * publisher's page or the issuing body. Mirrors, uploaded copies, aggregators and bare IP addresses
 * are provenance at best and are not accepted here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../support/paths.ts';

/** Identifier resolvers, then publishers and issuing bodies of studies in the library. */
const ALLOWED_HOSTS = new Set([
	'doi.org',
	'pubmed.ncbi.nlm.nih.gov',
	// publishers
	'bpspubs.onlinelibrary.wiley.com',
	'cochranelibrary.com',
	'em-consulte.com',
	'frontiersin.org',
	'healthpsychologyresearch.openmedicalpublishing.org',
	'journalmc.org',
	'journals.lww.com',
	'linkinghub.elsevier.com',
	'omicsonline.org',
	'psychiatryonline.org',
	'pubs.asahq.org',
	'rapm.bmj.com',
	'thejournalofheadacheandpain.biomedcentral.com',
	'westjem.com',
	'www.bmj.com',
	'www.dovepress.com',
	'www.frontiersin.org',
	'www.gmjournal.co.uk',
	'www.hindawi.com',
	'www.hkmj.org',
	'www.ijaweb.org',
	'www.jpain.org',
	'www.nature.com',
	'www.neurology.org',
	// issuing bodies and registries
	'clinicaltrials.gov',
	'www.asra.com',
	'www.fda.gov',
	'www.iasp-pain.org',
	'www.nice.org.uk',
	'www.rcgp.org.uk',
]);

const dir = join(ROOT, 'references/facts');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('facts sources', () => {
	it.each(files)('%s points only at the study, its identifier or its issuer', (file) => {
		const { sources = [] } = parse(readFileSync(join(dir, file), 'utf8')) as { sources?: string[] };
		for (const source of sources) {
			const url = new URL(source);
			expect(url.protocol, source).toBe('https:');
			expect(url.hostname, `${source}: a bare IP address`).not.toMatch(/^[\d.]+$|^\[/);
			expect(url.port, source).toBe('');
			expect(
				ALLOWED_HOSTS.has(url.hostname),
				`${source}: not a DOI, PubMed, publisher or issuer`,
			).toBe(true);
		}
	});
});

describe('partly seen records', () => {
	const bib = readdirSync(join(ROOT, 'references'))
		.filter((f) => f.endsWith('.bib'))
		.map((f) => readFileSync(join(ROOT, 'references', f), 'utf8'))
		.join('\n');
	const partlySeen = [...bib.matchAll(/^@\w+\{([^,\s]+),[^@]*?^\s*unverified\s*=/gm)].map(
		(m) => m[1]!,
	);

	it('includes the phantom-limb crossover trial', () => {
		expect(partlySeen).toContain('eichenberger2008chronic');
	});

	it.each(partlySeen)('%s is marked verified: false in its facts file', (key) => {
		const facts = parse(readFileSync(join(dir, `${key}.yaml`), 'utf8')) as { verified: boolean };
		expect(facts.verified).toBe(false);
	});
});
