import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/paths.ts';

describe('a page whose frontmatter breaks the schema', () => {
	it('stops the build, naming the file, the field and what is expected', () => {
		const fixture = join(ROOT, 'tests/fixtures/bad-frontmatter');
		const run = spawnSync(
			process.execPath,
			[join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync', '--root', fixture],
			{
				cwd: fixture,
				encoding: 'utf8',
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
			},
		);
		const output = run.stdout + run.stderr;
		expect(run.status, output).not.toBe(0);
		expect(output).toContain('conditions/gout.md');
		expect(output).toContain('conditions.0');
		expect(output).toMatch(/fibromyalgia.*migraine/s);
	}, 60_000);

	it('is told in a few lines by npm run build (scripts/build.ts), with the file, the field and the hint', () => {
		const fixture = join(ROOT, 'tests/fixtures/bad-frontmatter');
		const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--root', fixture], {
			cwd: fixture,
			encoding: 'utf8',
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
		});
		const output = run.stdout + run.stderr;
		expect(run.status, output).toBe(1);
		expect(output).toMatch(/^Build failed \(.*content\/conditions\/gout\.md\): /m);
		expect(output).toContain('conditions.0');
		expect(output).toMatch(/^ {2}Hint: /m);
		// The problem, not a stack trace or a route list.
		expect(output.trim().split('\n').length).toBeLessThan(15);
		expect(output).not.toMatch(/^\s+at /m);
	}, 60_000);
});
