/**
 * A realistic large project for the benchmark, made from the real one: the real BibTeX entries,
 * facts files and pages, copied `copies` times under new keys (`<key>-r<n>`), in a temp folder.
 * Each copy changes what must be unique (key, DOI, PMID, a number in the title), so the copy
 * passes every check the real library passes: the figures time the checks, not error reporting.
 */
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { scanBibtex } from '../../src/engine/read/bibtex-scan.ts';

export interface RealisticProject {
	root: string;
	entries: number;
	facts: number;
	pages: number;
}

const keyOf = (key: string, copy: number) => (copy === 0 ? key : `${key}-r${copy}`);

/** One copy of a BibTeX file: every entry with its key, DOI, PMID and title made unique. */
function copyBib(text: string, copy: number): { text: string; keys: string[] } {
	if (copy === 0) return { text, keys: scanBibtex(text).entries.map((e) => e.key) };
	const { entries } = scanBibtex(text);
	const out: string[] = [];
	for (const entry of entries) {
		let source = text.slice(entry.start, entry.end + 1);
		source = source.replace(entry.key, keyOf(entry.key, copy));
		// A DOI suffix, a PMID offset and a number in the title: never the same study twice.
		source = source.replace(/(\bdoi\s*=\s*[{"][^}"]*)/i, `$1.r${copy}`);
		source = source.replace(
			/(\bpmid\s*=\s*[{"]?)(\d+)/i,
			(_, head: string, id: string) => `${head}${Number(id) + copy * 50_000_000}`,
		);
		source = source.replace(/(\btitle\s*=\s*[{"])/i, `$1Replica ${copy}: `);
		out.push(source);
	}
	return { text: out.join('\n\n') + '\n', keys: entries.map((e) => keyOf(e.key, copy)) };
}

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
	);
}

/**
 * Writes the project: `libraryCopies` copies of references/ (entries and facts files) and
 * `pageCopies` copies of content/ pages, each copy citing its own copy of the keys.
 */
export function realisticProject(
	site: string,
	{ libraryCopies = 10, pageCopies = 8 } = {},
): RealisticProject {
	const root = mkdtempSync(join(tmpdir(), 'kpe-bench-project-'));
	const references = join(site, 'references');
	mkdirSync(join(root, 'references/facts'), { recursive: true });
	// The styles and anything else in references/ that is not BibTeX or facts.
	for (const name of readdirSync(references))
		if (!name.endsWith('.bib') && name !== 'facts')
			cpSync(join(references, name), join(root, 'references', name), { recursive: true });

	const keys: string[] = [];
	for (const name of readdirSync(references).filter((n) => n.endsWith('.bib'))) {
		const text = readFileSync(join(references, name), 'utf8');
		const copies: string[] = [];
		for (let copy = 0; copy < libraryCopies; copy++) {
			const made = copyBib(text, copy);
			copies.push(made.text);
			if (copy === 0) keys.push(...made.keys);
		}
		writeFileSync(join(root, 'references', name), copies.join('\n'));
	}
	const keyPattern = new RegExp(
		`(?<![\\w:.-])(${[...keys].sort((a, b) => b.length - a.length).join('|')})(?![\\w:.-])`,
		'g',
	);
	const rekey = (text: string, copy: number) =>
		copy === 0 ? text : text.replace(keyPattern, (key) => keyOf(key, copy));

	let facts = 0;
	const factsDir = join(references, 'facts');
	for (const name of existsSync(factsDir) ? readdirSync(factsDir) : []) {
		const text = readFileSync(join(factsDir, name), 'utf8');
		const key = name.replace(/\.ya?ml$/, '');
		for (let copy = 0; copy < libraryCopies; copy++, facts++)
			writeFileSync(
				join(root, 'references/facts', name.replace(key, keyOf(key, copy))),
				rekey(text, copy),
			);
	}

	// Pages: the real content/ once (claims, glossary and all), then copies of the pages only.
	const content = join(site, 'content');
	cpSync(content, join(root, 'content'), { recursive: true });
	const pageFiles = listFiles(content).filter((f) => /\.mdx?$/.test(f));
	for (let copy = 1; copy < pageCopies; copy++) {
		for (const file of pageFiles) {
			const text = readFileSync(file, 'utf8');
			const page = relative(content, file).replace(/\.mdx?$/, '');
			// A condition or topic page needs its watch protocol, named after the page's last part:
			// its copy sits beside it (`conditions/crps-r1`) with a copy of the protocol.
			const watched = /^pageType:\s*(?:condition|topic)\s*$/m.test(text);
			const target = watched
				? join(root, 'content', `${page}-r${copy}${file.slice(file.lastIndexOf('.'))}`)
				: join(root, 'content', `replica-${copy}`, relative(content, file));
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, rekey(text, copy));
			const protocol = join(references, 'watch/protocol', `${page.split('/').pop()}.yaml`);
			if (watched && existsSync(protocol))
				writeFileSync(
					join(root, 'references/watch/protocol', `${page.split('/').pop()}-r${copy}.yaml`),
					readFileSync(protocol, 'utf8').replace(/^page: .*$/m, `page: ${page}-r${copy}`),
				);
		}
	}
	return {
		root,
		entries: keys.length * libraryCopies,
		facts,
		pages: pageFiles.length * pageCopies,
	};
}
