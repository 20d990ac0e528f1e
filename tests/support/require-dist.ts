import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './paths.ts';

/** Site and browser tests read the built site: fail at once, with the fix, when it is missing. */
export default function requireDist() {
	if (!existsSync(join(DIST, 'index.html'))) {
		throw new Error(
			`No built site in ${DIST}. Run \`npm test\` (it builds first) or \`npm run build\` before \`npx vitest\`.`,
		);
	}
}
