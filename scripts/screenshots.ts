/**
 * Screenshots of built pages at desktop (1280 px) and phone (390 px) width, for people to look at.
 * Usage: npm run build && npm run screenshots -- /conditions/fibromyalgia/ / [--full] [--print] [--at=#for-clinicians]
 * Writes PNGs to tests/.artifacts/screenshots/. Serves dist/ with `astro preview` on a free port.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const print = process.argv.includes('--print');
/** `--at=<css selector>`: scroll that element to the top before each shot. */
const at = process.argv.find((a) => a.startsWith('--at='))?.slice(5);
const out = join(process.cwd(), 'tests/.artifacts/screenshots');
mkdirSync(out, { recursive: true });

const port = 4400 + Math.floor(Math.random() * 500);
const server = spawn(
	process.execPath,
	['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(port)],
	{ env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' },
);
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
	try {
		if ((await fetch(base)).ok) break;
	} catch {
		// Not listening yet: try again.
	}
	await new Promise((r) => setTimeout(r, 100));
}
const profile = mkdtempSync(join(tmpdir(), 'kpe-shots-'));
const context = await chromium.launchPersistentContext(profile, {
	executablePath: '/usr/bin/chromium',
	headless: true,
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
	],
});
try {
	for (const path of paths.length ? paths : ['/']) {
		const name = path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home';
		const page = await context.newPage();
		for (const [label, width, height] of [
			['desktop', 1280, 900],
			['phone', 390, 844],
		] as const) {
			await page.setViewportSize({ width, height });
			await page.goto(base + path, { waitUntil: 'networkidle' });
			if (at)
				await page
					.locator(at)
					.first()
					.evaluate((el) => el.scrollIntoView());
			const file = join(out, `${name}${at ? '-at' : ''}-${label}.png`);
			await page.screenshot({ path: file, fullPage: process.argv.includes('--full') });
			console.log(file);
		}
		if (print) {
			await page.emulateMedia({ media: 'print' });
			const file = join(out, `${name}-print.pdf`);
			await page.pdf({ path: file, format: 'A4' });
			console.log(file);
		}
		await page.close();
	}
} finally {
	await context.close();
	rmSync(profile, { recursive: true, force: true });
	server.kill();
}
