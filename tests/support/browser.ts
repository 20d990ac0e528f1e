import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './paths.ts';

/** The flags the developers' guide prescribes: no sandbox (root), no GPU, no background traffic. */
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface Browser {
	context: BrowserContext;
	close(): Promise<void>;
}

/** Launches Debian's Chromium in a throwaway profile. */
export async function launch(): Promise<Browser> {
	const profile = mkdtempSync(join(tmpdir(), 'kpe-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport: { width: 1280, height: 900 },
	});
	return {
		context,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/** Records every URL a page requests, so a test can prove that nothing leaves the preview host. */
export function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	return urls;
}

/**
 * One Chromium for a test file: launched before its tests, closed after. Returns a getter, since
 * the browser exists only once `beforeAll` has run.
 */
export function useBrowser(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => {
		if (!browser)
			throw new Error('useBrowser(): the browser is not launched yet (call it inside a test)');
		return browser;
	};
}
