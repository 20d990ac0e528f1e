/**
 * Writes a complete run, all or nothing: every file is first written to a temporary folder beside
 * the output, then renamed into place, the run record last (the record is what later runs and the
 * site read, so until it lands the previous state stands). A run that failed never gets here.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from './schema.ts';

export interface RunFiles {
	report: string;
	csv: string;
	record: string;
}

export function writeRun(outDir: string, run: RunRecord, report: string, csv: string): RunFiles {
	const staging = join(outDir, `.watch-staging-${run.id}`);
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	try {
		writeFileSync(join(staging, 'report.md'), report);
		writeFileSync(join(staging, 'candidates.csv'), csv);
		writeFileSync(join(staging, 'run.json'), `${JSON.stringify(run, null, '\t')}\n`);
		mkdirSync(join(outDir, 'runs'), { recursive: true });
		const files: RunFiles = {
			report: join(outDir, 'report.md'),
			csv: join(outDir, 'candidates.csv'),
			record: join(outDir, 'runs', `${run.id}.json`),
		};
		renameSync(join(staging, 'report.md'), files.report);
		renameSync(join(staging, 'candidates.csv'), files.csv);
		renameSync(join(staging, 'run.json'), files.record);
		return files;
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}
