/**
 * Text for a `<title>` element written as raw HTML: `&`, `<` and `>` as entities. (`<title>` is an
 * RCDATA element, so entities decode there and quotes need no escaping.)
 */
export function escapeTitle(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
