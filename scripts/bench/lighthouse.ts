/**
 * Lighthouse (mobile, the performance category) against pages served over HTTP, in Debian's
 * Chromium: one browser for every run, started here with a DevTools port for Lighthouse to drive.
 * Lighthouse's mobile defaults stand: a Moto G-sized screen, slow 4G and a 4× slower CPU, simulated.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../../tests/support/paths.ts';

export interface Audit {
	/** Performance score, 0–100. */
	performance: number;
	/** Total blocking time, ms (simulated). */
	tbt: number;
	/** Elements in the page's DOM, as Lighthouse counts them (its DOM-size insight). */
	elements: number;
	/**
	 * Lighthouse's DOM-size insight flagged the page: a style recalculation or layout of a large DOM
	 * took over 40 ms (Lighthouse 13 replaced the old `dom-size` audit with this insight).
	 */
	domSizeFlagged: boolean;
}

export interface Chromium {
	audit(url: string): Promise<Audit>;
	close(): void;
}

/** Debian's Chromium, headless, with a DevTools port Lighthouse connects to; a throwaway profile. */
export async function startChromium(): Promise<Chromium> {
	const profile = mkdtempSync(join(tmpdir(), 'kpe-bench-lighthouse-'));
	const child = spawn(
		CHROMIUM,
		[
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--remote-debugging-port=0',
			`--user-data-dir=${profile}`,
			'about:blank',
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	const port = await new Promise<number>((resolve, reject) => {
		let seen = '';
		child.stderr.on('data', (chunk: Buffer) => {
			seen += chunk.toString();
			const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
			if (match) resolve(Number(match[1]));
		});
		child.once('exit', (code) =>
			reject(new Error(`Chromium (${CHROMIUM}) exited (${code}) before listening:\n${seen}`)),
		);
	});
	return {
		async audit(url) {
			const result = await lighthouse(url, {
				port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance'],
			});
			if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
			const { lhr } = result;
			if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
			const dom = lhr.audits['dom-size-insight'];
			const debug = (dom?.details as { debugData?: { totalElements?: number } } | undefined)
				?.debugData;
			return {
				performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
				tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
				elements: debug?.totalElements ?? dom?.numericValue ?? NaN,
				domSizeFlagged: dom?.score === 0,
			};
		},
		close() {
			child.kill();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
