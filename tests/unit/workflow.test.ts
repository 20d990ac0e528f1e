/**
 * The CI workflow keeps the guarantees the project relies on: actions pinned by full commit SHA,
 * a read-only token, no persisted credentials, one run per branch, and the same commands as .ci/run.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
}
const workflow = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as {
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	concurrency: { group: string; 'cancel-in-progress': boolean };
	jobs: Record<string, { if?: string; steps: Step[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('.github/workflows/ci.yml', () => {
	it('runs on pull requests and on pushes to main', () => {
		expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
		expect(workflow.on.push).toEqual({ branches: ['main'] });
	});

	it('pins every action by a full commit SHA', () => {
		const uses = steps.flatMap((s) => (s.uses ? [s.uses] : []));
		expect(uses.length).toBeGreaterThan(0);
		for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
	});

	it('reads the repository only, keeps no credentials and cancels superseded runs', () => {
		expect(workflow.permissions).toEqual({ contents: 'read' });
		for (const s of steps.filter((x) => x.uses?.startsWith('actions/checkout@')))
			expect(s.with?.['persist-credentials']).toBe(false);
		expect(workflow.concurrency['cancel-in-progress']).toBe(true);
		expect(workflow.concurrency.group).toContain('github.ref');
	});

	it('runs .ci/run (Debian Chromium, npm ci, npm test) and the online check on pull requests', () => {
		expect(workflow.jobs.test!.steps.some((s) => s.run?.trim() === '.ci/run')).toBe(true);
		expect(workflow.jobs.online!.if).toBe("github.event_name == 'pull_request'");
		expect(
			workflow.jobs.online!.steps.some((s) => s.run?.includes('npm run check -- --online')),
		).toBe(true);
	});
});
