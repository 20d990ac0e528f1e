/** Sites the benchmark builds in temp folders: the real site's code over other pages, and stock Starlight. */
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'node-html-parser';
import { buildEnv, tempSiteWithModules, timed, type Timed } from './measure.ts';

const COUNT_FORMAT = join(import.meta.dirname, 'count-format.mjs');

export interface BenchSite {
	root: string;
	/** A cold `astro build` (dist and caches removed first), timed. */
	build(env?: NodeJS.ProcessEnv): Timed;
}

function coldBuild(root: string, env: NodeJS.ProcessEnv = {}): Timed {
	for (const dir of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'])
		rmSync(join(root, dir), { recursive: true, force: true });
	return timed(
		process.execPath,
		['--import', COUNT_FORMAT, join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
		{ cwd: root, env: buildEnv(env) },
	);
}

/**
 * The real site's code with the references and content of `project`. `studyPages: false` leaves the
 * study pages out of the build (every `/studies/…` route: one page per library entry, the index and
 * its views), so that a build measures the site's own pages rather than a thousand generated ones.
 */
export function buildSite(
	site: string,
	project: string,
	label: string,
	{ studyPages = true }: { studyPages?: boolean } = {},
): BenchSite {
	const root = tempSiteWithModules(site, label);
	for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public'])
		if (existsSync(join(site, name)))
			cpSync(join(site, name), join(root, name), { recursive: true });
	for (const name of ['references', 'content'])
		cpSync(join(project, name), join(root, name), { recursive: true });
	if (!studyPages) {
		// The copy's route list, filtered (src/plugin/routes.ts); stops if that file changed shape.
		const routes = join(root, 'src/plugin/routes.ts');
		const list = readFileSync(routes, 'utf8');
		const end = '].map((route) => ({ ...route, prerender: true }));';
		if (!list.includes(end)) throw new Error(`bench: ${routes} changed; update buildSite()`);
		writeFileSync(
			routes,
			list.replace(
				end,
				`].filter((route) => !route.pattern.startsWith('/studies'))${end.slice(1)}`,
			),
		);
	}
	return { root, build: (env) => coldBuild(root, env) };
}

/** Deterministic PRNG (mulberry32): every run writes the same pages. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SENTENCES = [
	'Ketamine blocks NMDA receptors, which take part in the way the spinal cord amplifies pain signals',
	'In this trial, people with long-lasting pain received low doses by slow infusion over several days',
	'Pain scores fell during the infusion in most participants, but the effect faded within a few weeks',
	'Side effects such as dizziness, feeling detached and nausea were common and usually mild',
	'The placebo group also reported some relief, which is typical for studies of chronic pain',
	'Small numbers of participants make the estimate of the effect uncertain',
	'Follow-up was short, so we do not know whether any benefit lasts beyond a month',
	'Doses varied between studies, which makes them hard to compare directly',
];

/**
 * `count` synthetic pages of 10 paragraphs, one citation cluster each (singles and pairs) of keys
 * that have facts files in `project`; `write` puts them in a site's content/bench/ with the markers
 * (`with`), without them (`without`, same text otherwise) or not at all (`base`).
 */
export function citationPages(project: string, count: number) {
	const keys = readdirSync(join(project, 'references/facts')).map((n) => n.replace(/\.ya?ml$/, ''));
	const pages: string[] = [];
	let markers = 0;
	for (let i = 1; i <= count; i++) {
		const random = rng(i);
		const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
		const lines = [
			'---',
			`title: Benchmark page ${i}`,
			`description: Synthetic page ${i} for the benchmark.`,
			'---',
			'',
		];
		for (let p = 0; p < 10; p++) {
			if (p % 4 === 0) lines.push(`## Section ${p / 4 + 1}`, '');
			const cluster = p % 3 === 1 ? [pick(keys), pick(keys)] : [pick(keys)];
			const sentences = Array.from({ length: 4 }, () => pick(SENTENCES));
			sentences[1] += ` [${[...new Set(cluster)].map((k) => `@${k}`).join('; ')}]`;
			markers++;
			lines.push(sentences.join('. ') + '.', '');
		}
		pages.push(lines.join('\n'));
	}
	return {
		count,
		markers,
		write(root: string, variant: 'base' | 'without' | 'with') {
			const dir = join(root, 'content/bench');
			rmSync(dir, { recursive: true, force: true });
			if (variant === 'base') return;
			mkdirSync(dir, { recursive: true });
			pages.forEach((page, i) =>
				writeFileSync(
					join(dir, `page-${String(i + 1).padStart(3, '0')}.mdx`),
					variant === 'with' ? page : page.replace(/ \[@[^\]]*\]/g, ''),
				),
			);
		},
	};
}

/**
 * A stock Starlight site (no plugin, no custom CSS or components) with one page per path of ours,
 * each holding the text of that built page: its headings, paragraphs, list items and table cells,
 * in order. `pathOf(ours)` is the stock page of the same text.
 */
export function stockStarlightSite(site: string, dist: string, paths: string | readonly string[]) {
	const root = tempSiteWithModules(site, 'stock');
	const write = (file: string, text: string) => {
		mkdirSync(dirname(join(root, file)), { recursive: true });
		writeFileSync(join(root, file), text);
	};
	const stockPaths = new Map<string, string>();
	for (const [i, path] of [paths].flat().entries()) {
		const page = stockPage(dist, path);
		write(
			`src/content/docs/page-${i + 1}.md`,
			`---\ntitle: ${JSON.stringify(page.title)}\n---\n\n${page.markdown}\n`,
		);
		stockPaths.set(path, `/page-${i + 1}/`);
	}
	// The real dependencies: Astro finds the packages to bundle (Starlight) through package.json.
	const { dependencies } = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
	write(
		'package.json',
		JSON.stringify({ name: 'stock', private: true, type: 'module', dependencies }),
	);
	write(
		'astro.config.mjs',
		`import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Stock' })] });\n`,
	);
	write(
		'src/content.config.ts',
		`import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
	);
	// Starlight's template ships a favicon; ours is as small.
	if (existsSync(join(site, 'public/favicon.svg')))
		cpSync(join(site, 'public/favicon.svg'), join(root, 'public/favicon.svg'));
	write('src/content/docs/index.md', `---\ntitle: Home\n---\n\nHome.\n`);
	return {
		root,
		dist: join(root, 'dist'),
		/** The stock page of the first path. */
		path: stockPaths.values().next().value!,
		pathOf: (path: string) => stockPaths.get(path)!,
		build: () => coldBuild(root),
	};
}

/** The title and the text (as Markdown) of a built page of ours, as a stock page would hold it. */
function stockPage(dist: string, path: string): { title: string; markdown: string } {
	const main = parse(readFileSync(join(dist, path, 'index.html'), 'utf8')).querySelector('main')!;
	const title = main.querySelector('h1')?.textContent.trim() ?? 'Page';
	// What a reader reads: not the hover previews (the reference list has their text), nothing hidden.
	for (const el of main.querySelectorAll(
		'.kpe-cite-preview, [hidden], [aria-hidden="true"], .sr-only, script, style, template',
	))
		el.remove();
	const blocks: string[] = [];
	const text = (el: { textContent: string }) =>
		el.textContent
			.replace(/\s+/g, ' ')
			.trim()
			.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
	/** A table as a stock Starlight page writes it: a Markdown (GFM) table, caption above. */
	const markdownTable = (table: ReturnType<typeof parse>) => {
		const rows = table.querySelectorAll('tr').map((tr) => tr.querySelectorAll('th, td').map(text));
		const width = Math.max(...rows.map((r) => r.length));
		const line = (cells: string[]) =>
			`| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
		const caption = table.querySelector('caption');
		return [
			...(caption ? [text(caption), ''] : []),
			line(rows[0] ?? []),
			line(Array<string>(width).fill('---')),
			...rows.slice(1).map(line),
		].join('\n');
	};
	for (const el of main.querySelectorAll('h2, h3, p, li, table, caption, dt, dd, figcaption')) {
		if (el.tagName === 'TABLE') {
			blocks.push(markdownTable(el));
			continue;
		}
		// Inside a table (written with it), or not innermost (a list item holding a paragraph is
		// written once, by its paragraph).
		if (el.closest('table') || el.querySelector('p, li, table')) continue;
		const content = text(el);
		if (!content) continue;
		blocks.push(
			/^h[23]$/i.test(el.tagName) ? `## ${el.textContent.replace(/\s+/g, ' ').trim()}` : content,
		);
	}
	return { title, markdown: blocks.join('\n\n') };
}
