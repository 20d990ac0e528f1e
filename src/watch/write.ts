/**
 * Writes a complete run, all or nothing: every file is first written to a temporary folder beside
 * the output, then renamed into place, the run record last (the record is what later runs and the
 * site read, so until it lands the previous state stands). A run that failed never gets here.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RunRecord } from './schema.ts';

export interface RunFiles {
	report: string;
	csv: string;
	record: string;
}

/**
 * `extra` are other files the run changes (facts files gaining a retraction), each an absolute path
 * and its new text: staged and renamed like the rest, before the run record.
 */
export function writeRun(
	outDir: string,
	run: RunRecord,
	report: string,
	csv: string,
	extra: { path: string; content: string }[] = [],
): RunFiles {
	const staging = join(outDir, `.watch-staging-${run.id}`);
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	try {
		writeFileSync(join(staging, 'report.md'), report);
		writeFileSync(join(staging, 'candidates.csv'), csv);
		writeFileSync(join(staging, 'run.json'), `${JSON.stringify(run, null, '\t')}\n`);
		// Beside their targets, so each rename stays on one file system.
		const staged = extra.map((change, i) => {
			const temp = join(dirname(change.path), `.watch-staging-${run.id}-${i}`);
			writeFileSync(temp, change.content);
			return { temp, path: change.path };
		});
		mkdirSync(join(outDir, 'runs'), { recursive: true });
		const files: RunFiles = {
			report: join(outDir, 'report.md'),
			csv: join(outDir, 'candidates.csv'),
			record: join(outDir, 'runs', `${run.id}.json`),
		};
		renameSync(join(staging, 'report.md'), files.report);
		renameSync(join(staging, 'candidates.csv'), files.csv);
		for (const { temp, path } of staged) renameSync(temp, path);
		renameSync(join(staging, 'run.json'), files.record);
		return files;
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}
