/**
 * Reading a share link's compressed text (lz-string's URI-safe format) with a bound on what it
 * may expand to (issue #12).
 *
 * The format is an LZW variant: each code either adds a literal character to the dictionary or
 * names an entry, and every entry read adds "previous entry + first character of this one". A
 * crafted input can therefore name ever-longer entries: n codes expand to about n²/2 characters,
 * so an 8,400-character link expands to 10 MB and a link of a few hundred kilobytes to
 * gigabytes — enough to crash a tab before any check on the decoded JSON runs. lz-string's own
 * decoder has no limit, so links are read here instead; compression (writing links) still uses
 * lz-string, and a property test holds this reader to lz-string's on everything it writes.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const valueOf = new Map<string, number>([...alphabet].map((ch, i) => [ch, i]));

export type Expanded = { ok: true; text: string } | { ok: false; why: 'too-big' | 'damaged' };

/** Decodes `input` as compressToEncodedURIComponent wrote it, refusing to grow past `maxChars`. */
export function expandLink(input: string, maxChars: number): Expanded {
  const text = input.replace(/ /g, '+');
  if (text.length === 0) return { ok: false, why: 'damaged' };
  // A bit reader over 6-bit characters, most significant bit first.
  let index = 0;
  let current = valueOf.get(text[0]!) ?? 0;
  let mask = 32;
  let read = 1;
  const bits = (n: number): number => {
    let out = 0;
    for (let power = 1, i = 0; i < n; i++, power *= 2) {
      if (current & mask) out += power;
      mask >>= 1;
      if (mask === 0) {
        mask = 32;
        index = read++;
        current = index < text.length ? (valueOf.get(text[index]!) ?? 0) : 0;
      }
    }
    return out;
  };

  const dictionary: string[] = ['', '', ''];
  const literal = (code: number): string | undefined =>
    code === 0 ? String.fromCharCode(bits(8)) : code === 1 ? String.fromCharCode(bits(16)) : undefined;

  const start = bits(2);
  if (start === 2) return { ok: true, text: '' };
  const first = literal(start);
  if (first === undefined) return { ok: false, why: 'damaged' };
  dictionary.push(first);
  let width = 3;
  let untilWider = 4;
  let previous = first;
  const parts: string[] = [first];
  let size = first.length;

  for (;;) {
    if (read > text.length) return { ok: false, why: 'damaged' };
    let code = bits(width);
    if (code === 2) return { ok: true, text: parts.join('') };
    if (code === 0 || code === 1) {
      dictionary.push(literal(code)!);
      code = dictionary.length - 1;
      if (--untilWider === 0) [untilWider, width] = [2 ** width, width + 1];
    }
    let entry: string;
    if (code < dictionary.length && code > 2) entry = dictionary[code]!;
    else if (code === dictionary.length) entry = previous + previous[0];
    else return { ok: false, why: 'damaged' };
    size += entry.length;
    if (size > maxChars) return { ok: false, why: 'too-big' };
    parts.push(entry);
    dictionary.push(previous + entry[0]);
    previous = entry;
    if (--untilWider === 0) [untilWider, width] = [2 ** width, width + 1];
  }
}
