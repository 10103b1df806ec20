/**
 * The one escaper for text written into HTML or XML by hand (SVG charts, the sitemap, the search
 * documents): the five characters that can end character data or a quoted attribute value of
 * either quote, as numeric references, which both HTML and XML read without a DTD.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
