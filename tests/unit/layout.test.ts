/**
 * The layout's promises, checked on the code: the evidence engine and the literature watch are pure
 * TypeScript (no Astro, no site, plugin or component code), and the engine's stages only import
 * the stages before them (reading knows nothing of checking or rendering).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
	return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.(ts|astro)$/.test(entry.name))
		.map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Every module a file imports, as a path from the project root (or the bare package name). */
function importsOf(file: string): string[] {
	const source = readFileSync(join(root, file), 'utf8');
	return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(
		([, specifier]) =>
			specifier!.startsWith('.') ? relative(root, join(root, file, '..', specifier!)) : specifier!,
	);
}

describe('the layout', () => {
	const pure = [...sourceFiles('src/engine'), ...sourceFiles('src/watch')];

	it('finds the engine and the watch', () => {
		expect(pure.length).toBeGreaterThan(60);
	});

	it('keeps the engine and the watch free of Astro and of the site, plugin and components', () => {
		// Starlight's page schema is plain zod: the check applies the build's own schema with it.
		const allowed = new Set(['@astrojs/starlight/schema']);
		const offending = pure.flatMap((file) =>
			importsOf(file)
				.filter(
					(target) =>
						!allowed.has(target) &&
						/^(astro($|[:/])|@astrojs\/|src\/(site|plugin|markdown|components)\/)/.test(target),
				)
				.map((target) => `${file} imports ${target}`),
		);
		expect(offending).toEqual([]);
	});

	/** What each stage may import besides itself: the stages run top to bottom. */
	const STAGES: Record<string, string[]> = {
		html: [],
		problems: ['html'],
		read: ['html', 'problems'],
		grade: ['html', 'problems', 'read'],
		check: ['html', 'problems', 'read', 'grade'],
		render: ['html', 'problems', 'read', 'grade', 'check'],
		editor: ['html', 'problems', 'read', 'grade', 'check', 'render'],
	};

	it('has every engine folder in the list of stages', () => {
		const folders = readdirSync(join(root, 'src/engine'), { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name);
		expect(folders.sort()).toEqual(Object.keys(STAGES).sort());
	});

	it('has each stage import only the stages before it', () => {
		const offending = Object.entries(STAGES).flatMap(([stage, before]) =>
			sourceFiles(`src/engine/${stage}`).flatMap((file) =>
				importsOf(file)
					.map((target) => /^src\/engine\/([^/]+)\//.exec(target)?.[1])
					.filter((target) => target && target !== stage && !before.includes(target))
					.map((target) => `${file} (${stage}) imports ${target}`),
			),
		);
		expect(offending).toEqual([]);
	});
});

/**
 * The folders CONTRIBUTING's map must list: every tracked folder, but not the insides of fixtures,
 * of test suites, of page sections or of the library's data folders.
 */
function mappedFolders(): string[] {
	const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
	const folders = new Set<string>();
	for (const file of files) {
		const parts = file.split('/').slice(0, -1);
		const depth = { tests: 2, content: 2, references: 2 }[parts[0] ?? ''] ?? parts.length;
		if (parts.length > 0) folders.add(parts.slice(0, Math.min(depth, parts.length)).join('/'));
	}
	return [...folders].sort();
}

describe('CONTRIBUTING.md, where things live', () => {
	const text = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
	const section = text.split('## Where things live')[1]?.split('\n## ')[0] ?? '';
	const listed = [...section.matchAll(/^\| `([^`]+)\/` *\|/gm)].map(([, folder]) => folder!);

	it('lists every folder', () => {
		expect(mappedFolders().filter((folder) => !listed.includes(folder))).toEqual([]);
	});

	it('lists only folders that exist', () => {
		expect(listed.filter((folder) => !existsSync(join(root, folder)))).toEqual([]);
	});

	it('names only files that exist on the path of a citation', () => {
		const named = [...section.matchAll(/`((?:src|content)\/[\w/.-]+\.(?:ts|astro))`/g)].map(
			([, file]) => file!,
		);
		expect(named.length).toBeGreaterThan(5);
		expect(named.filter((file) => !existsSync(join(root, file)))).toEqual([]);
	});
});
