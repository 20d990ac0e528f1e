import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/paths.ts';

describe('the build', () => {
	it('stops on a page citing an unknown key, naming the file, line, key and the nearest key', () => {
		const fixture = join(ROOT, 'tests/fixtures/build-unknown-citation');
		const run = spawnSync(
			process.execPath,
			[join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'],
			{
				cwd: fixture,
				encoding: 'utf8',
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
			},
		);
		const output = run.stdout + run.stderr;
		expect(run.status, output).not.toBe(0);
		expect(output).toContain(
			'content/index.md:5:37 error [unknown-citation] smith2020exercize: This page cites "smith2020exercize", which is not in the library. Did you mean "smith2020exercise"?',
		);
		expect(output).toContain('see: CONTRIBUTING.md#unknown-citation');
	}, 60_000);
});
