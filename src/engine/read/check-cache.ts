/**
 * A cache of the check's pure, per-text results, so a second check of an unchanged project skips
 * the slow parts: a facts file's validated data (YAML parse + schema), a BibTeX entry's CSL item
 * (citation-js), a page's scan (Sätteri parse, frontmatter). Keyed by a hash of the text itself and
 * of the engine's own source and parser versions, so an edit to either is a miss, never a stale hit.
 * Only results without problems are stored: every diagnostic is computed afresh, every time.
 *
 * Stored as one JSON file in `dir` (node_modules/.cache/kpe-evidence from the command); rewritten
 * only when something was added, and holding only what the last check used.
 */
import { createHash, hash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	renameSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CheckCache {
	/** The stored result for `text` (a file's or entry's whole text) of this `kind`, if any. */
	get<T>(kind: string, text: string): T | undefined;
	set(kind: string, text: string, value: unknown): void;
	/** Writes the cache if anything changed; a cache that cannot be written is simply not kept. */
	save(): void;
}

/** A cache that stores nothing (tests, bundled code, no cache folder given). */
export const NO_CACHE: CheckCache = { get: () => undefined, set: () => {}, save: () => {} };

const sha1 = (text: string) => hash('sha1', text, 'base64url');

/**
 * The engine's fingerprint: its own sources (every stage under src/engine/) and the versions of the
 * parsers it relies on. Undefined where the sources are not on disk (bundled code).
 */
function engineVersion(): string | undefined {
	const engine = join(dirname(fileURLToPath(import.meta.url)), '..');
	if (!existsSync(join(engine, 'check/check-project.ts'))) return undefined;
	const hash = createHash('sha1');
	const files = readdirSync(engine, { recursive: true, encoding: 'utf8' })
		.filter((n) => n.endsWith('.ts'))
		.sort()
		.map((n) => join(engine, n));
	for (const file of files) if (existsSync(file)) hash.update(file).update(readFileSync(file));
	const require = createRequire(import.meta.url);
	for (const name of [
		'yaml',
		'js-yaml',
		'zod',
		'satteri',
		'@citation-js/core',
		'@citation-js/plugin-bibtex',
	]) {
		try {
			hash.update(`${name}@${require(`${name}/package.json`).version}`);
		} catch {
			hash.update(`${name}@?`);
		}
	}
	return hash.digest('base64url');
}

export function openCheckCache(dir: string | undefined): CheckCache {
	const version = dir ? engineVersion() : undefined;
	if (!dir || !version) return NO_CACHE;
	const file = join(dir, 'check-cache.json');
	let stored: Record<string, unknown> = {};
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
			version?: string;
			items?: Record<string, unknown>;
		};
		if (parsed.version === version && parsed.items) stored = parsed.items;
	} catch {
		// No cache yet, or an unreadable one: start empty.
	}
	const used: Record<string, unknown> = {};
	let added = false;
	const id = (kind: string, text: string) => `${kind}:${sha1(text)}`;
	return {
		get<T>(kind: string, text: string) {
			const key = id(kind, text);
			if (!(key in stored)) return undefined;
			// Handed out as is: the check reads these results and never changes them.
			return (used[key] = stored[key]) as T;
		},
		set(kind, text, value) {
			const key = id(kind, text);
			used[key] = stored[key] = structuredClone(value);
			added = true;
		},
		save() {
			if (!added && Object.keys(used).length === Object.keys(stored).length) return;
			try {
				mkdirSync(dir, { recursive: true });
				const temp = `${file}.${process.pid}.tmp`;
				writeFileSync(temp, JSON.stringify({ version, items: used }));
				renameSync(temp, file); // whole or not at all, even with two checks at once
			} catch {
				// A read-only folder: the check still ran in full.
			}
		},
	};
}
