/**
 * Preloaded into `astro build` by the benchmark (`node --import`): counts how often citation-js
 * formats each library entry as a bibliography entry, and writes the counts to
 * $KPE_FORMAT_COUNT_FILE when the build exits. Patches the one @citation-js/core instance (a
 * CommonJS module, so `import` and `require` share it) that the build's dependencies use.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const { Cite } = createRequire(join(process.cwd(), 'package.json'))('@citation-js/core');
const counts = {};
let calls = 0;
const format = Cite.prototype.format;
Cite.prototype.format = function (style, ...rest) {
	if (style === 'bibliography') {
		calls++;
		for (const item of this.data) counts[item.id] = (counts[item.id] ?? 0) + 1;
	}
	return format.call(this, style, ...rest);
};
process.on('exit', () => {
	if (process.env.KPE_FORMAT_COUNT_FILE)
		writeFileSync(process.env.KPE_FORMAT_COUNT_FILE, JSON.stringify({ calls, counts }));
});
