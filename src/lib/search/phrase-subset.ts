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

/**
 * The table's keys as a trie of UTF-16 code units: a key, being whole characters, can only match
 * where a character starts, so walking code units finds what walking characters would.
 */
interface TrieNode {
  children: Map<number, TrieNode>;
  key: boolean;
}

function node(): TrieNode {
  return { children: new Map(), key: false };
}

/** The trie of each table seen: the index asks about the same two tables once per bundle and once for the whole. */
const tries = new Map<string, TrieNode>();

function trieOf(table: string, all: readonly string[]): TrieNode {
  let root = tries.get(table);
  if (root) return root;
  root = node();
  for (const entry of all) {
    const key = entry.slice(0, entry.indexOf(" "));
    let at = root;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      let next = at.children.get(unit);
      if (!next) at.children.set(unit, (next = node()));
      at = next;
    }
    at.key = true;
  }
  tries.set(table, root);
  return root;
}

/** The entries of `table` whose key occurs in one of `texts`, in the table's order and format. */
export function phraseSubset(table: string, texts: Iterable<string>): string {
  const all = entries(table);
  const root = trieOf(table, all);
  const found = new Set<string>();
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      let at = root.children.get(text.charCodeAt(i));
      for (let j = i; at; j++) {
        if (at.key) found.add(text.slice(i, j + 1));
        at = j + 1 < text.length ? at.children.get(text.charCodeAt(j + 1)) : undefined;
      }
    }
  }
  return all.filter((entry) => found.has(entry.slice(0, entry.indexOf(" ")))).join("|");
}
