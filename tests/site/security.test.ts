/**
 * What every built page tells the browser about security: a strict Content-Security-Policy that
 * covers each inline script, no referrer to other sites, no window opener, and no markup in <title>.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { builtPages } from '../support/dist.ts';
import { DIST } from '../support/paths.ts';

const pages = builtPages();
const raw = (urlPath: string) =>
	readFileSync(
		join(DIST, urlPath.endsWith('/') ? `${urlPath}index.html` : `${urlPath}.html`),
		'utf8',
	);

/** The page's policy as directive → sources. */
function policyOf(html: string): Map<string, string[]> {
	const meta = parse(html).querySelector('meta[http-equiv="content-security-policy"]');
	const content = meta?.getAttribute('content') ?? '';
	return new Map(
		content
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...sources]) => [name!, sources]),
	);
}

describe('Content-Security-Policy', () => {
	it('is on every page', () => {
		expect(pages.length).toBeGreaterThan(100);
		const without = pages.filter((p) => policyOf(raw(p)).size === 0);
		expect(without).toEqual([]);
	});

	it('allows nothing from another origin and no plugins, base or form targets elsewhere', () => {
		for (const p of pages) {
			const policy = policyOf(raw(p));
			expect(policy.get('default-src'), p).toEqual(["'self'"]);
			expect(policy.get('object-src'), p).toEqual(["'none'"]);
			expect(policy.get('base-uri'), p).toEqual(["'self'"]);
			expect(policy.get('form-action'), p).toEqual(["'self'"]);
			for (const [name, sources] of policy) {
				const foreign = sources.filter(
					(s) => /^(https?:|\*|data:)/.test(s) && !(name === 'img-src' && s === 'data:'),
				);
				expect(foreign, `${p} ${name}`).toEqual([]);
			}
		}
	});

	it("never allows inline script by 'unsafe-inline' or eval", () => {
		for (const p of pages) {
			const scriptSrc = policyOf(raw(p)).get('script-src') ?? [];
			expect(scriptSrc, p).not.toContain("'unsafe-inline'");
			expect(scriptSrc, p).not.toContain("'unsafe-eval'");
			expect(scriptSrc, p).toContain("'self'");
		}
	});

	it('covers every inline script on every page by its hash', () => {
		const uncovered: string[] = [];
		for (const p of pages) {
			const html = raw(p);
			const scriptSrc = new Set(policyOf(html).get('script-src') ?? []);
			for (const script of parse(html).querySelectorAll('script:not([src])')) {
				if (script.getAttribute('type') === 'application/ld+json') continue; // data, not script
				const hash = `'sha256-${createHash('sha256').update(script.rawText).digest('base64')}'`;
				if (!scriptSrc.has(hash)) uncovered.push(`${p}: ${script.rawText.trim().slice(0, 60)}`);
			}
		}
		expect(uncovered).toEqual([]);
	});

	it('covers every inline style on every page by its hash (a missed one leaves its part unstyled)', () => {
		const uncovered: string[] = [];
		for (const p of pages) {
			const html = raw(p);
			const styleSrc = new Set(policyOf(html).get('style-src') ?? []);
			for (const style of parse(html).querySelectorAll('style')) {
				const hash = `'sha256-${createHash('sha256').update(style.rawText).digest('base64')}'`;
				if (!styleSrc.has(hash)) uncovered.push(`${p}: ${style.rawText.trim().slice(0, 60)}`);
			}
		}
		expect(uncovered).toEqual([]);
	});

	it('lists on each page only the hashes of the inline scripts and styles that page holds', () => {
		const unused: string[] = [];
		for (const p of pages) {
			const html = raw(p);
			const root = parse(html);
			const held = new Set(
				root
					.querySelectorAll('script:not([src]), style')
					.map((el) => `'sha256-${createHash('sha256').update(el.rawText).digest('base64')}'`),
			);
			const policy = policyOf(html);
			for (const source of [
				...(policy.get('script-src') ?? []),
				...(policy.get('style-src') ?? []),
			])
				if (source.startsWith("'sha256-") && !held.has(source)) unused.push(`${p}: ${source}`);
		}
		expect(unused).toEqual([]);
	});
});

describe('links to other sites', () => {
	it('send no referrer from any page', () => {
		const without = pages.filter(
			(p) =>
				parse(raw(p)).querySelector('meta[name="referrer"]')?.getAttribute('content') !==
				'no-referrer',
		);
		expect(without).toEqual([]);
	});

	it('never open a window that can reach back (target=_blank always with noopener)', () => {
		const bad: string[] = [];
		let outbound = 0;
		for (const p of pages) {
			for (const a of parse(raw(p)).querySelectorAll('a[href^="http"]')) {
				outbound++;
				const rel = a.getAttribute('rel') ?? '';
				if (a.getAttribute('target') === '_blank' && !/\bnoopener\b/.test(rel))
					bad.push(`${p} ${a.getAttribute('href')}`);
			}
		}
		expect(outbound).toBeGreaterThan(100);
		expect(bad).toEqual([]);
	});
});

describe('the <title> of every page', () => {
	it('holds text only, no element', () => {
		for (const p of pages) {
			const match = /<title>([\s\S]*?)<\/title>/.exec(raw(p));
			expect(match, p).not.toBeNull();
			expect(match![1], p).not.toMatch(/[<>]/);
		}
	});
});
