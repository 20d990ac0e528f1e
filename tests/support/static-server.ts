/**
 * A small static file server over a built site, on a free loopback port.
 *
 * `astro preview` refuses to start while another preview server runs (a reader's `npm start`, or a
 * second site under test), so tests that serve a second build use this instead. It serves what a
 * static host serves: files, `index.html` for folders, `404.html` for anything else, and the right
 * content types (WebAssembly for Pagefind). Written by hand because it is 50 lines with node:http.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.bib': 'text/plain; charset=utf-8',
	'.ris': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** Resolves a request path inside `root`, or undefined when it escapes it or names nothing. */
function fileFor(root: string, urlPath: string): string | undefined {
	const decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
	const path = normalize(join(root, decoded));
	if (path !== root && !path.startsWith(root + sep)) return undefined;
	if (existsSync(path) && statSync(path).isDirectory()) {
		const index = join(path, 'index.html');
		return existsSync(index) ? index : undefined;
	}
	return existsSync(path) ? path : undefined;
}

export async function serveStatic(dir: string): Promise<StaticServer> {
	const root = resolve(dir);
	const server: Server = createServer((request, response) => {
		let file: string | undefined;
		try {
			file = fileFor(root, request.url ?? '/');
		} catch {
			file = undefined; // a malformed %-escape
		}
		const status = file ? 200 : 404;
		file ??= join(root, '404.html');
		if (!existsSync(file)) {
			response.writeHead(404).end('Not found');
			return;
		}
		response.writeHead(status, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
		});
		createReadStream(file).pipe(response);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('static server: no port');
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () => new Promise((done) => server.close(() => done())),
	};
}
