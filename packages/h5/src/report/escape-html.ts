/**
 * Escapes text for HTML content and attribute values: the one escape of the string-built operator pages (report,
 * forecast, dashboard); landing pages are rendered by Preact, which escapes on its own.
 *
 * @example
 * escapeHtml('<b>"x"</b>'); // '&#60;b&#62;&#34;x&#34;&#60;/b&#62;'
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
