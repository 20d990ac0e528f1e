/**
 * Screenshots of built pages at desktop (1280 px) and phone (390 px, emulated) width, for people to
 * look at.
 * Usage: npm run build && npm run screenshots -- /conditions/fibromyalgia/ / [--full] [--print] [--at=#for-clinicians]
 * Writes PNGs (and PDFs with --print) to tests/.artifacts/screenshots/. Serves dist/ itself on a free
 * port, so it works while `npm start` is running.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, phone } from '../tests/support/browser.ts';
import { DIST } from '../tests/support/paths.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const print = process.argv.includes('--print');
const full = process.argv.includes('--full');
/** `--at=<css selector>`: scroll that element to the top before each shot. */
const at = process.argv.find((a) => a.startsWith('--at='))?.slice(5);
const out = join(process.cwd(), 'tests/.artifacts/screenshots');

if (!existsSync(join(DIST, 'index.html'))) {
	console.error(`No built site in ${DIST}: run \`npm run build\` first.`);
	process.exit(1);
}
mkdirSync(out, { recursive: true });

const server = await serveStatic();
const browser = await launch();
try {
	const contexts = [
		['desktop', browser.context],
		['phone', await browser.newContext(phone())],
	] as const;
	for (const path of paths.length ? paths : ['/']) {
		const name = path.replace(/^\/|\/$/g, '').replace(/[/#?]/g, '_') || 'home';
		for (const [label, context] of contexts) {
			const page = await context.newPage();
			await page.goto(server.url + path, { waitUntil: 'networkidle' });
			if (at) {
				const target = page.locator(at).first();
				if ((await target.count()) === 0) console.warn(`${path}: nothing matches ${at}`);
				else await target.evaluate((el) => el.scrollIntoView());
			}
			const file = join(out, `${name}${at ? '-at' : ''}-${label}.png`);
			await page.screenshot({ path: file, fullPage: full });
			console.log(file);
			if (print && label === 'desktop') {
				await page.emulateMedia({ media: 'print' });
				const pdf = join(out, `${name}-print.pdf`);
				await page.pdf({ path: pdf, format: 'A4', printBackground: true });
				console.log(pdf);
			}
			await page.close();
		}
	}
} finally {
	await browser.close();
	await server.close();
}
