import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import {
	inlineHashes as hashesOf,
	trimPolicyHashes as trimTree,
} from '../../../src/site/page-csp.ts';
import { PAGE_SERIALISATION } from '../../../src/engine/html/serialise.ts';

/** A page through the middleware's steps: parsed, its policy trimmed on the tree, serialised. */
function trimPolicyHashes(html: string): string {
	const tree = fromHtml(html);
	trimTree(tree);
	return toHtml(tree, PAGE_SERIALISATION);
}
const inlineHashes = (html: string) => hashesOf(fromHtml(html));

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (policy: string, body: string) =>
	`<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
const policyOf = (html: string) =>
	/content-security-policy" content="([^"]*)"/.exec(html)![1]!.split(';');

describe('trimPolicyHashes', () => {
	const used = 'a()';
	const style = 'p{color:red}';
	const policy = [
		"default-src 'self'",
		`script-src 'self' 'wasm-unsafe-eval' ${hash(used)} ${hash('unused()')}`,
		`style-src 'self' ${hash(style)} ${hash('q{}')}`,
		"style-src-attr 'unsafe-inline'",
	].join(';');

	it('keeps the hashes of the inline scripts and styles on the page and drops the others', () => {
		const html = trimPolicyHashes(
			page(policy, `<script>${used}</script><style>${style}</style><script src="/x.js"></script>`),
		);
		expect(policyOf(html)).toEqual([
			"default-src 'self'",
			`script-src 'self' 'wasm-unsafe-eval' ${hash(used)}`,
			`style-src 'self' ${hash(style)}`,
			"style-src-attr 'unsafe-inline'",
		]);
		expect(html).toContain(`<script>${used}</script>`);
	});

	it("adds the hash of a style in the head that Astro's list misses, never of one in the body", () => {
		const head = '.card{border:1px solid}';
		const body = 'main{display:none}';
		const html = trimPolicyHashes(
			page(policy, `<style>${style}</style><style>${body}</style>`).replace(
				'</head>',
				`<style>${head}</style></head>`,
			),
		);
		expect(policyOf(html)).toEqual([
			"default-src 'self'",
			"script-src 'self' 'wasm-unsafe-eval'",
			`style-src 'self' ${hash(style)} ${hash(head)}`,
			"style-src-attr 'unsafe-inline'",
		]);
	});

	it('ignores data blocks (JSON-LD) and external scripts, and leaves a page without a policy alone', () => {
		expect(
			inlineHashes('<script type="application/ld+json">{}</script><script src="a.js"></script>'),
		).toEqual({
			script: new Set(),
			style: new Set(),
		});
		const plain = '<!DOCTYPE html><html><head></head><body><script>a()</script></body></html>';
		expect(trimPolicyHashes(plain)).toBe(plain);
	});

	it('hashes a script by its exact text, markup-like characters and all', () => {
		const body = 'if (a < b && c > "</p>") go();';
		expect(inlineHashes(`<script>${body}</script>`).script).toEqual(new Set([hash(body)]));
		const page = trimPolicyHashes(
			`<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="script-src 'self' ${hash(body)} ${hash('x')}"></head><body><script>${body}</script></body></html>`,
		);
		expect(page).toContain(`<script>${body}</script>`);
		expect(policyOf(page)).toEqual([`script-src 'self' ${hash(body)}`]);
	});

	it('hashes a module script by its body, as the browser does', () => {
		expect(inlineHashes('<script type="module">import("/x.js")</script>').script).toEqual(
			new Set([hash('import("/x.js")')]),
		);
	});
});
