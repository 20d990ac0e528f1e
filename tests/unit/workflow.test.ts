/**
 * The CI workflow keeps the guarantees the project relies on: actions pinned by full commit SHA,
 * a read-only token, no persisted credentials, one run per branch, and the same commands as .ci/run
 * (whose `npm test` type-checks too). The deploy workflow publishes only a commit CI passed.
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
	name: string;
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

interface DeployWorkflow {
	on: Record<string, { workflows?: string[]; types?: string[]; branches?: string[] } | null>;
	permissions: Record<string, string>;
	jobs: Record<
		string,
		{ if?: string; needs?: string; permissions?: Record<string, string>; steps: Step[] }
	>;
}
const deploy = parse(readFileSync('.github/workflows/deploy.yml', 'utf8')) as DeployWorkflow;
const deploySteps = Object.values(deploy.jobs).flatMap((job) => job.steps);

describe('.github/workflows/deploy.yml', () => {
	it('runs only when the CI workflow (by its name) completes on main, never on a push of its own', () => {
		expect(Object.keys(deploy.on)).toEqual(['workflow_run']);
		expect(deploy.on.workflow_run).toEqual({
			workflows: [workflow.name],
			types: ['completed'],
			branches: ['main'],
		});
	});

	it('builds only when CI succeeded on a push to this repository, from the very commit CI tested', () => {
		const condition = deploy.jobs.build!.if!.replace(/\s+/g, ' ');
		expect(condition).toContain("github.event.workflow_run.conclusion == 'success'");
		expect(condition).toContain("github.event.workflow_run.event == 'push'");
		expect(condition).toContain(
			'github.event.workflow_run.head_repository.full_name == github.repository',
		);
		const checkout = deploy.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
		expect(checkout?.with?.ref).toBe('${{ github.event.workflow_run.head_sha }}');
		expect(checkout?.with?.['persist-credentials']).toBe(false);
		expect(deploy.jobs.deploy!.needs).toBe('build');
	});

	it('pins every action by a full commit SHA, and grants each job only what it needs', () => {
		const uses = deploySteps.flatMap((s) => (s.uses ? [s.uses] : []));
		expect(uses.length).toBeGreaterThan(0);
		for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
		expect(deploy.permissions).toEqual({});
		expect(deploy.jobs.build!.permissions).toEqual({ contents: 'read' });
		expect(deploy.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
	});
});

describe('npm test, as CI runs it', () => {
	it('runs the type check beside lint and the evidence check (which stays fast for editors)', () => {
		const scripts = (
			JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
		).scripts;
		expect(scripts.test).toMatch(/^run-p --aggregate-output lint check typecheck && /);
		expect(scripts.typecheck).toContain('astro check');
		expect(scripts.check).not.toContain('astro');
	});
});

/** The literature watch's scheduled workflow (see its header comment). */
describe('.github/workflows/watch.yml', () => {
	const text = readFileSync('.github/workflows/watch.yml', 'utf8');
	const watch = parse(text) as {
		on: Record<string, unknown>;
		permissions: Record<string, string>;
		jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
	};
	const watchSteps = Object.values(watch.jobs).flatMap((job) => job.steps);

	it('runs weekly on a schedule and by hand', () => {
		expect(Object.keys(watch.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
		expect(watch.on.schedule).toEqual([{ cron: '0 6 * * 1' }]);
	});

	it('pins every action by the same full SHAs as ci.yml, and uses no third-party action', () => {
		const ciUses = new Set(steps.flatMap((s) => (s.uses ? [s.uses] : [])));
		const uses = watchSteps.flatMap((s) => (s.uses ? [s.uses] : []));
		expect(uses.length).toBeGreaterThan(0);
		for (const u of uses) {
			expect(u).toMatch(/^actions\/[\w.-]+@[0-9a-f]{40}$/);
			expect(ciUses.has(u)).toBe(true);
		}
	});

	it('grants nothing by default and only what opening a pull request needs to its one job', () => {
		expect(watch.permissions).toEqual({});
		for (const job of Object.values(watch.jobs))
			expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
		for (const s of watchSteps.filter((x) => x.uses?.startsWith('actions/checkout@')))
			expect(s.with?.['persist-credentials']).toBe(false);
	});

	it('runs npm run watch, then opens or updates one pull request on a fixed branch with gh', () => {
		const run = watchSteps.map((s) => s.run ?? '').join('\n');
		expect(run).toContain('npm run watch');
		// A retraction the run finds is written into the study's facts file: it must reach the PR.
		expect(run).toContain('git add references/watch references/facts');
		expect(run).toMatch(/gh pr create --base main --head "\$BRANCH"/);
		expect(run).toContain('gh pr edit "$BRANCH"');
		expect(text).toContain('BRANCH: literature-watch');
	});

	it('needs no secret: the contact address is a variable, the NCBI key optional', () => {
		const env = watchSteps.find((s) => s.run === 'npm run watch') as Step & {
			env: Record<string, string>;
		};
		expect(env.env.WATCH_EMAIL).toBe('${{ vars.WATCH_EMAIL }}');
		expect(Object.values(env.env).filter((v) => v.includes('secrets.'))).toEqual([
			'${{ secrets.NCBI_API_KEY }}',
		]);
	});
});
