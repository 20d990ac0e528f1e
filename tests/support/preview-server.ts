import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from './paths.ts';
import { serveStatic } from './static-server.ts';
import { launchServer } from './browser.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		/** The run's shared Chromium (tests/support/browser.ts `useBrowser` connects to it). */
		chromiumEndpoint: string;
	}
}

/**
 * Serves the built site for the browser tests on a free loopback port, and starts the Chromium they
 * share; stops both afterwards. A
 * plain static server over dist/, not `astro preview`, so the tests run while `npm start` serves
 * on 4321.
 */
export default async function setup(project: TestProject) {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`Browser tests need Debian's Chromium at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\` (bash .ci/run does this).`,
		);
	}
	const server = await serveStatic();
	project.provide('baseURL', server.url);
	const chromium = await launchServer();
	project.provide('chromiumEndpoint', chromium.wsEndpoint());
	return async () => {
		await chromium.close();
		await server.close();
	};
}
