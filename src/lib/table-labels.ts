/**
 * Labels every body cell of the site's generated tables (`<table class="kpe-table">`) with its
 * column heading, so that on a phone, where CSS turns each row into a block, every cell still says
 * what it is ("Certainty", "Effect") without scrolling sideways to the header.
 *
 * It also gives each table part its ARIA role: some browsers drop table semantics when CSS changes
 * a table's `display`, and screen readers then lose the row and column headers. The roles keep
 * them, whatever the layout.
 *
 * Works on the HTML the evidence engine generates (tables built by tables.ts and claims-render.ts,
 * never hand-written): cells hold escaped text and inline markup, no nested tables.
 */

const TABLE = /<table\b[^>]*\bclass="[^"]*\bkpe-table\b[^"]*"[^>]*>[\s\S]*?<\/table>/g;

/** Text of a fragment of HTML: tags dropped, white space collapsed, basic entities decoded. */
function textOf(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&nbsp;|&#160;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

const escapeAttribute = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Adds `attributes` to an opening tag (`<td …>`), unless it already has them. */
function addAttributes(tag: string, attributes: Record<string, string>): string {
	const extra = Object.entries(attributes)
		.filter(([name]) => !new RegExp(`\\s${name}=`).test(tag))
		.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
		.join('');
	return tag.replace(/\/?>$/, (end) => `${extra}${end}`);
}

function labelTable(table: string): string {
	const head = /<thead\b[^>]*>([\s\S]*?)<\/thead>/.exec(table);
	if (!head) return table;
	const labels = [...(head[1] ?? '').matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) =>
		textOf(m[1] ?? ''),
	);
	if (labels.length === 0) return table;

	let labelled = table
		.replace(/^<table\b[^>]*>/, (tag) => addAttributes(tag, { role: 'table', 'data-reflow': '' }))
		.replace(/<(thead|tbody)\b[^>]*>/g, (tag) => addAttributes(tag, { role: 'rowgroup' }))
		.replace(/<tr\b[^>]*>/g, (tag) => addAttributes(tag, { role: 'row' }));
	labelled = labelled.replace(/(<thead\b[^>]*>)([\s\S]*?)(<\/thead>)/, (_, open, inner, close) => {
		const cells = inner.replace(/<th\b[^>]*>/g, (tag: string) =>
			addAttributes(tag, { role: 'columnheader' }),
		);
		return open + cells + close;
	});
	labelled = labelled.replace(/(<tbody\b[^>]*>)([\s\S]*?)(<\/tbody>)/, (_, open, inner, close) => {
		const rows = inner.replace(/<tr\b[^>]*>[\s\S]*?<\/tr>/g, (row: string) => {
			let column = 0;
			return row.replace(/<(th|td)\b[^>]*>/g, (tag: string, name: string) => {
				const label = labels[column++];
				const role = name === 'th' ? 'rowheader' : 'cell';
				return addAttributes(tag, label ? { role, 'data-label': label } : { role });
			});
		});
		return open + rows + close;
	});
	return labelled;
}

/** The HTML with every `kpe-table` labelled; anything else is returned as it was. */
export function labelTableCells(html: string): string {
	return html.replace(TABLE, labelTable);
}
