/**
 * Topic matching as RabbitMQ 3.10 does it: a trie of binding-key words walked by the routing key.
 *
 * Words are split on `.`; the empty key is zero words, so `a..b` is three words with an empty
 * middle one. In a binding key `*` matches exactly one word (which may be empty) and `#` zero or
 * more. The walk mirrors `trie_match/4` in rabbit_exchange_type_topic.erl (3.10): at each node try
 * the literal word, then `*`, then `#` (which tries every number of skipped words); at the end of
 * the key collect the node's bindings and follow a trailing `#`. A literal `*` or `#` in a routing
 * key is therefore also matched by the edge of that name, exactly as RabbitMQ's trie does.
 * A trie keeps 10,000 bindings fast: a key only visits the branches its words can match.
 *
 * The trie is derived data built from an exchange's bindings, not part of the world's state, so
 * the state stays plain and JSON-serialisable (see `topicTrieFor` in routing.ts).
 */

/**
 * One trie node: children by literal word, the `*` and `#` children kept apart (RabbitMQ stores
 * them as edges named `*` and `#`; holding them in fields saves two map lookups per word), and the
 * destinations bound at this node.
 */
export interface TopicTrieNode<D> {
  words: Map<string, TopicTrieNode<D>> | null;
  star: TopicTrieNode<D> | null;
  hash: TopicTrieNode<D> | null;
  bindings: D[] | null;
}

export function newTopicNode<D>(): TopicTrieNode<D> {
  return { words: null, star: null, hash: null, bindings: null };
}

/** Splits a key into words as RabbitMQ does: `''` is no words, `a..b` is `['a', '', 'b']`. */
export function splitTopicKey(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/** The child along the edge named `w` (`*` and `#` name the wildcard edges), if any. */
function child<D>(node: TopicTrieNode<D>, w: string): TopicTrieNode<D> | null {
  if (w === '*') return node.star;
  if (w === '#') return node.hash;
  return node.words === null ? null : (node.words.get(w) ?? null);
}

/** Adds `destination` under `bindingKey`. */
export function topicTrieAdd<D>(root: TopicTrieNode<D>, bindingKey: string, destination: D): void {
  let node = root;
  for (const w of splitTopicKey(bindingKey)) {
    let next = child(node, w);
    if (next === null) {
      next = newTopicNode<D>();
      if (w === '*') node.star = next;
      else if (w === '#') node.hash = next;
      else (node.words ??= new Map()).set(w, next);
    }
    node = next;
  }
  (node.bindings ??= []).push(destination);
}

/**
 * Appends to `out` every destination whose binding key matches `routingKey`. A destination bound
 * by several matching keys appears several times (RabbitMQ de-duplicates after routing too).
 */
export function topicTrieMatch<D>(root: TopicTrieNode<D>, routingKey: string, out: D[]): D[] {
  match(root, splitTopicKey(routingKey), 0, out);
  return out;
}

// The recursion depth is bounded by the number of words in the key plus the binding key's
// length, and AMQP keys are at most 255 bytes, so it cannot run away. As in RabbitMQ, a routing
// key word that is literally `*` or `#` also follows the edge of that name.
function match<D>(node: TopicTrieNode<D>, words: string[], i: number, out: D[]): void {
  if (i === words.length) {
    if (node.bindings !== null) for (const d of node.bindings) out.push(d);
    if (node.hash !== null) skipAny(node.hash, words, i, out);
    return;
  }
  const literal = child(node, words[i]!);
  if (literal !== null) match(literal, words, i + 1, out);
  if (node.star !== null) match(node.star, words, i + 1, out);
  if (node.hash !== null) skipAny(node.hash, words, i, out);
}

/** A `#` edge: the rest of the key may skip 0, 1, … all of the remaining words. */
function skipAny<D>(node: TopicTrieNode<D>, words: string[], i: number, out: D[]): void {
  for (let j = i; j <= words.length; j++) match(node, words, j, out);
}

/**
 * The naive matcher: one binding key against one routing key, word by word, with backtracking
 * on `#`. Used as the oracle the trie is property-tested against and as the bench's baseline;
 * the model itself always routes through the trie.
 */
export function naiveTopicMatches(bindingKey: string, routingKey: string): boolean {
  return naiveTopicMatchesWords(splitTopicKey(bindingKey), splitTopicKey(routingKey));
}

/** The naive matcher on keys already split into words (so a baseline does not pay for splitting). */
export function naiveTopicMatchesWords(bindingWords: readonly string[], routingWords: readonly string[]): boolean {
  return naive(bindingWords, 0, routingWords, 0);
}

function naive(b: readonly string[], i: number, r: readonly string[], j: number): boolean {
  if (i === b.length) return j === r.length;
  const w = b[i]!;
  if (w === '#') {
    for (let k = j; k <= r.length; k++) if (naive(b, i + 1, r, k)) return true;
    return false;
  }
  if (j === r.length) return false;
  return (w === '*' || w === r[j]) && naive(b, i + 1, r, j + 1);
}
