/**
 * The part of an OpenCC phrase table a body of text can use. OpenCC converts by longest match:
 * at each position it takes the longest table entry that the text continues with. Any entry that
 * matches inside a string occurs in that string, so the entries that occur somewhere in the site's
 * pages convert every stretch of those pages (a title, an excerpt, a name) exactly as the whole
 * table does. The Traditional search page ships this subset (about 900 of OpenCC's 50,000
 * Simplified → Traditional phrases for the seed archive) instead of the 450 KB table.
 */

/** Entries of a serialised OpenCC table: "key value|key value…". */
function entries(table: string): string[] {
  return table === "" ? [] : table.split("|");
}

interface TrieNode {
  children: Map<string, TrieNode>;
  key: boolean;
}

function node(): TrieNode {
  return { children: new Map(), key: false };
}

/** The entries of `table` whose key occurs in one of `texts`, in the table's order and format. */
export function phraseSubset(table: string, texts: Iterable<string>): string {
  const all = entries(table);
  const root = node();
  for (const entry of all) {
    const key = entry.slice(0, entry.indexOf(" "));
    let at = root;
    for (const ch of key) {
      let next = at.children.get(ch);
      if (!next) at.children.set(ch, (next = node()));
      at = next;
    }
    at.key = true;
  }
  const found = new Set<string>();
  for (const text of texts) {
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      let at = root.children.get(chars[i]!);
      for (let j = i; at; j++) {
        if (at.key) found.add(chars.slice(i, j + 1).join(""));
        at = j + 1 < chars.length ? at.children.get(chars[j + 1]!) : undefined;
      }
    }
  }
  return all.filter((entry) => found.has(entry.slice(0, entry.indexOf(" ")))).join("|");
}
