import { resolve } from 'node:path';

/** The project root: tests run with it as the working directory. */
export const ROOT = process.cwd();
/** The built site that `npm test` produces before it runs vitest. */
export const DIST = resolve(ROOT, 'dist');
/** Debian's Chromium: the only browser the tests use (never a downloaded one). */
export const CHROMIUM = '/usr/bin/chromium';
