/**
 * Debian's Chromium for the browser tests and the screenshots script: launching it (one shared
 * Chromium per test run), tabs that visit many pages, and what a test watches in them (dialogs,
 * CSP violations, requests).
 */
import { afterAll, beforeAll, inject } from 'vitest';
import {
	chromium,
	type Browser as PlaywrightBrowser,
	type BrowserServer,
	type BrowserContext,
	type BrowserContextOptions,
	type Page,
	type Request,
} from 'playwright-core';
import { CHROMIUM } from './paths.ts';
import { TABS } from './tabs.ts';

export { TABS };

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

/** A desktop window. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/**
 * A phone, emulated for real: a 390 px window alone is not a phone (no meta viewport handling, no
 * touch, no device pixel ratio), and layouts that pan sideways on phones pass at 390 px desktop.
 */
export function phone(width = 390, height = 844): BrowserContextOptions {
	return {
		viewport: { width, height },
		isMobile: true,
		hasTouch: true,
		deviceScaleFactor: 3,
	};
}

export interface Browser {
	/** A desktop context (1280 × 900) most tests use. */
	context: BrowserContext;
	/** Opens another context, e.g. `newContext(phone(360))`; closed with the browser. */
	newContext(options: BrowserContextOptions): Promise<BrowserContext>;
	close(): Promise<void>;
}

/** Runs `start`; if Chromium cannot start, the error says where it was looked for and how to install it. */
async function started<T>(start: () => Promise<T>): Promise<T> {
	try {
		return await start();
	} catch (error) {
		throw new Error(
			`Could not start Chromium at ${CHROMIUM} (install it with \`sudo apt-get install -y chromium\`): ${(error as Error).message}`,
			{ cause: error },
		);
	}
}

const LAUNCH = { executablePath: CHROMIUM, headless: true, args: FLAGS };

async function withDesktop(browser: PlaywrightBrowser): Promise<Browser> {
	const context = await browser.newContext(DESKTOP);
	return {
		context,
		newContext: (options) => browser.newContext(options),
		close: () => browser.close(),
	};
}

/** Launches Debian's Chromium (Playwright gives it a throwaway profile) with a desktop context. */
export async function launch(): Promise<Browser> {
	return withDesktop(await started(() => chromium.launch(LAUNCH)));
}

/**
 * Starts one Chromium for a whole test run (tests/support/preview-server.ts): each test file
 * connects to it (`useBrowser`) instead of launching its own, which cost a second of CPU a file.
 */
export function launchServer(): Promise<BrowserServer> {
	return started(() => chromium.launchServer(LAUNCH));
}

/**
 * Runs `visit` once per path, `tabs` tabs at a time in one context, and returns the results in the
 * order of `paths`. Each tab is reused from one path to the next (a new tab costs a renderer
 * process); `open` prepares a tab once (listeners, init scripts). A failing visit rejects the whole
 * sweep, naming the path.
 */
export async function visitEach<T>(
	context: BrowserContext,
	paths: readonly string[],
	visit: (page: Page, path: string) => Promise<T>,
	{ tabs = TABS, open }: { tabs?: number; open?: (page: Page) => Promise<void> } = {},
): Promise<T[]> {
	const results: T[] = new Array(paths.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(tabs, paths.length) }, async () => {
			const page = await context.newPage();
			await open?.(page);
			try {
				for (let i = next++; i < paths.length; i = next++) {
					try {
						results[i] = await visit(page, paths[i]!);
					} catch (error) {
						throw new Error(`${paths[i]}: ${(error as Error).message}`, { cause: error });
					}
				}
			} finally {
				await page.close();
			}
		}),
	);
	return results;
}

/**
 * Tabs shared by concurrent tests: a test borrows an idle tab (or opens one, prepared by `open`)
 * and gives it back when done. A new tab costs a renderer process and its init scripts.
 */
export function tabPool(
	context: () => BrowserContext,
	open?: (page: Page) => Promise<void>,
): <T>(use: (page: Page) => Promise<T>) => Promise<T> {
	const idle: Page[] = [];
	return async (use) => {
		let page = idle.pop();
		if (!page) {
			page = await context().newPage();
			await open?.(page);
		}
		try {
			return await use(page);
		} finally {
			idle.push(page);
		}
	};
}

/**
 * Records, in the tabs it watches, every dialog (a script that should not have run: the payloads'
 * `alert`) and every Content-Security-Policy violation, each with the path of the page it
 * happened on.
 */
export class PageWatch {
	readonly dialogs: string[] = [];
	readonly violations: string[] = [];

	/** Starts watching a tab, for every page it opens from now on. */
	async watch(page: Page): Promise<void> {
		page.on('dialog', (dialog) => {
			this.dialogs.push(`${new URL(page.url()).pathname}: ${dialog.message()}`);
			void dialog.dismiss();
		});
		await page.exposeFunction('__kpeViolation', (text: string) => this.violations.push(text));
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				const report = (window as unknown as { __kpeViolation(text: string): void }).__kpeViolation;
				report(
					`${location.pathname}: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
				);
			});
		});
	}

	/** Everything seen on one page (`/conditions/crps/`), or on every page watched. */
	seen(path?: string): string[] {
		const all = [...this.dialogs, ...this.violations];
		return path === undefined ? all : all.filter((line) => line.startsWith(`${path}: `));
	}
}

/** The requests that left the site at `baseURL` (data: and blob: URLs stay in the page). */
export function foreignRequests(requests: string[], baseURL: string): string[] {
	const host = new URL(baseURL).host;
	return requests.filter((url) => {
		const u = new URL(url);
		return !(u.protocol === 'data:' || u.protocol === 'blob:' || u.host === host);
	});
}

/** Records every URL a page requests, so a test can prove that nothing leaves the preview host. */
export function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	return urls;
}

/** Records the URLs a tab requests while `visit` runs (a shared tab keeps its listeners). */
export async function requestsDuring(page: Page, visit: () => Promise<void>): Promise<string[]> {
	const urls: string[] = [];
	const listener = (request: Request) => urls.push(request.url());
	page.on('request', listener);
	try {
		await visit();
	} finally {
		page.off('request', listener);
	}
	return urls;
}

/**
 * A Chromium for a test file, from before its tests to after them: a connection to the run's shared
 * Chromium, or one launched for the file. Returns a getter, since
 * the browser exists only once `beforeAll` has run.
 */
export function useBrowser(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		// The run's shared Chromium when there is one (closing it then only disconnects this file).
		const endpoint = inject('chromiumEndpoint');
		browser = endpoint ? await withDesktop(await chromium.connect(endpoint)) : await launch();
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
