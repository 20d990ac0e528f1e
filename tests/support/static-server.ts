/**
 * A small static file server over a built site (`dist/` by default), on a free loopback port, for
 * the browser tests, the site tests that serve a second build, and the screenshots script.
 *
 * `astro preview` refuses to start while another preview server runs ("Another astro preview server
 * is already running": a reader's `npm start`, or a second site under test), so this serves what a
 * static host serves instead: files, `index.html` for folders, `404.html` for anything else, and
 * the right content types (WebAssembly for Pagefind). Written by hand: about 60 lines of node:http.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './paths.ts';

/** Content types for what Astro, Starlight and Pagefind write to dist/ (Pagefind needs application/wasm). */
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.bib': 'text/plain; charset=utf-8',
	'.ris': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.webmanifest': 'application/manifest+json',
	// Pagefind's index, fragments, filters and its (compressed) wasm are binary chunks it fetches.
	'.pagefind': 'application/octet-stream',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
};

function isFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

/**
 * The file a URL path maps to, as Astro's static output lays it out: `/a/` → `a/index.html`,
 * `/a` → `a`, `a.html` or `a/index.html`. Null when none exists or the path leaves `root`.
 */
export function resolveFile(root: string, urlPath: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	if (decoded.includes('\0')) return null;
	const path = normalize(join(root, decoded));
	if (path !== root && !path.startsWith(root + sep)) return null;
	const candidates = decoded.endsWith('/')
		? [join(path, 'index.html')]
		: [path, `${path}.html`, join(path, 'index.html')];
	return candidates.find(isFile) ?? null;
}

export interface StaticServer {
	/** `http://127.0.0.1:<port>`, without a trailing slash. */
	url: string;
	close(): Promise<void>;
}

/** Text types a host compresses (`gzip: true`); images other than SVG, fonts and wasm are already compressed. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest)|image\/svg)/;

/**
 * Serves `root` (default `dist/`) on 127.0.0.1 at a free port; 404s get the site's own 404 page.
 * `gzip: true` compresses text as a real host does (when the request accepts gzip), for the bench's
 * Lighthouse runs, whose timings depend on transfer sizes.
 */
export function serveStatic(
	dir: string = DIST,
	{ gzip = false }: { gzip?: boolean } = {},
): Promise<StaticServer> {
	const root = resolve(dir);
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { allow: 'GET, HEAD' }).end();
			return;
		}
		const file = resolveFile(root, url.pathname);
		const notFound = file ? null : resolveFile(root, '/404.html');
		const served = file ?? notFound;
		if (!served) {
			response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		const type = TYPES[extname(served).toLowerCase()] ?? 'application/octet-stream';
		const compressed =
			gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
				? gzipSync(readFileSync(served))
				: undefined;
		response.writeHead(file ? 200 : 404, {
			'content-type': type,
			'content-length': compressed?.length ?? statSync(served).size,
			...(compressed && { 'content-encoding': 'gzip', vary: 'accept-encoding' }),
			// Hashed assets never change within a build; pages are revalidated (a rebuild may change them).
			'cache-control': url.pathname.startsWith('/_astro/') ? 'max-age=3600, immutable' : 'no-cache',
		});
		if (request.method === 'HEAD') response.end();
		else if (compressed) response.end(compressed);
		else createReadStream(served).pipe(response);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			if (!address || typeof address === 'string') {
				reject(new Error('serveStatic: the server has no TCP address'));
				return;
			}
			resolve({
				url: `http://127.0.0.1:${address.port}`,
				close: () =>
					new Promise<void>((done) => {
						server.closeAllConnections();
						server.close(() => done());
					}),
			});
		});
	});
}
