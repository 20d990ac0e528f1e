/**
 * The environment of a plain `astro build` started from a test or the bench: none of vitest's
 * variables, which make Astro build in test mode (Starlight then renders its dev-only search
 * placeholder instead of Pagefind), and no colours in its output.
 */
export function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const { PATH, HOME, TMPDIR, LANG } = process.env;
	return {
		PATH,
		HOME,
		TMPDIR,
		LANG,
		ASTRO_TELEMETRY_DISABLED: '1',
		NO_COLOR: '1',
		FORCE_COLOR: '0',
		...extra,
	};
}
