/** Each directive the site defines, by name (the names and attribute rules live in src/engine/read/directives.ts). */
import type { DirectiveName } from '../../engine/read/directives.ts';
import { claimsFor, clinicClaims } from './claims.ts';
import type { DirectiveRenderer } from './context.ts';
import { evidenceTable } from './evidence-table.ts';
import { glossaryList } from './glossary-list.ts';
import { protocolTable } from './protocol-table.ts';
import { iconArrayDirective } from './icon-array.ts';
import { summaryOfFindings } from './summary-of-findings.ts';

export const DIRECTIVES: Record<DirectiveName, DirectiveRenderer> = {
	'evidence-table': evidenceTable,
	'summary-of-findings': summaryOfFindings,
	'protocol-table': protocolTable,
	'clinic-claims': clinicClaims,
	'claims-for': claimsFor,
	glossary: glossaryList,
	'icon-array': iconArrayDirective,
};
