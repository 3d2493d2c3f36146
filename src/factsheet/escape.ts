/**
 * Escaping for the Markdown a page loader prints. Data (labels, sentences)
 * is text, never markup: `html()` for text inside HTML elements, `js()` for a
 * value written into a JavaScript cell.
 */
// "$" too: Framework runs `${…}` in a page's Markdown, even inside HTML, as a JavaScript expression.
const HTML_ESCAPES: Record<string, string> = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", $: "&#36;"};

export function html(text: string): string {
  return text.replace(/[&<>"'$]/g, (char) => HTML_ESCAPES[char]);
}

/**
 * A JSON literal safe inside the page's inline <script>: "<" is escaped so a
 * label containing "</script>" cannot close the script element.
 */
export function js(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
