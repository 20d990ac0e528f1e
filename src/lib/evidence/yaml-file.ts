/**
 * Reads a YAML data file (facts, claims, glossary) and validates it with a zod schema, turning every
 * YAML or schema error into a diagnostic at the line of the offending node.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, isNode, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, DiagnosticCode } from './diagnostics.ts';

export interface YamlFile<T> {
	/** The validated data, or undefined when the file has errors (already reported). */
	data: T | undefined;
	diagnostics: Diagnostic[];
	/** 1-based line and column of the node at `path` (or of the file start). */
	positionOf(path: (string | number)[]): { line: number; column: number };
}

export function readYamlFile<S extends z.ZodType>(
	path: string,
	file: string,
	schema: S,
	options: { code: DiagnosticCode; key?: string; yamlHint: string; schemaHint: string },
): YamlFile<z.infer<S>> {
	const lineCounter = new LineCounter();
	const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter, prettyErrors: false });
	const at = (offset: number | undefined) => {
		const p = lineCounter.linePos(offset ?? 0);
		return { line: p.line, column: p.col };
	};
	// A missing field has no node: point at the nearest enclosing one (the entry that lacks it).
	const positionOf = (nodePath: (string | number)[]) => {
		for (let depth = nodePath.length; depth >= 0; depth--) {
			const node = depth === 0 ? doc.contents : doc.getIn(nodePath.slice(0, depth), true);
			if (isNode(node)) return at(node.range?.[0]);
		}
		return at(0);
	};
	const diagnostics: Diagnostic[] = [];
	const report = (where: { line: number; column: number }, message: string, hint: string) =>
		diagnostics.push({ code: options.code, file, ...where, key: options.key, message, hint });

	if (doc.errors.length > 0) {
		for (const error of doc.errors) {
			report(
				at(error.pos[0]),
				`This is not valid YAML: ${error.message.split('\n')[0]}`,
				options.yamlHint,
			);
		}
		return { data: undefined, diagnostics, positionOf };
	}
	const parsed = schema.safeParse(doc.toJS());
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const where = positionOf(issue.path as (string | number)[]);
			report(
				where,
				`Field "${issue.path.join('.') || '(file)'}": ${issue.message}.`,
				options.schemaHint,
			);
		}
		return { data: undefined, diagnostics, positionOf };
	}
	return { data: parsed.data, diagnostics, positionOf };
}
