/**
 * What the project's commands (`npm run check`, `npm run watch`) share: where they print, and how
 * they read `--name value` options. Hand-written: two options and two streams need no parser package.
 */

/** The streams a command prints to; tests pass their own to read what it said. */
export interface CommandOutput {
	out?: (line: string) => void;
	err?: (line: string) => void;
}

/** The command's printers and an option reader over its arguments. */
export function commandLine(argv: readonly string[], output: CommandOutput) {
	return {
		out: output.out ?? ((line: string) => console.log(line)),
		err: output.err ?? ((line: string) => console.error(line)),
		/** The value after `name` (`--root dir` → `dir`), or undefined when it is not given. */
		option(name: string): string | undefined {
			const i = argv.indexOf(name);
			return i >= 0 ? argv[i + 1] : undefined;
		},
	};
}
