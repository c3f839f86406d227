/**
 * For tests only: a crafted share link in lz-string's URI-safe format that expands
 * quadratically — one literal, then `codes` codes that each name the entry being made, so entry
 * k is k characters long and the link expands to about codes²/2 characters (6,000 codes: an
 * 11,647-character link that lz-string expands to 18,009,001). lz-string's own compressor would
 * take minutes to write such a link, so the codes are written here directly.
 */
export function lzBombLink(codes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  const bits: number[] = [];
  const put = (value: number, width: number) => {
    for (let i = 0; i < width; i++) bits.push((value >> i) & 1);
  };
  put(0, 2);
  put('x'.charCodeAt(0), 8);
  let size = 4;
  let width = 3;
  let untilWider = 4;
  for (let i = 0; i < codes; i++) {
    put(size, width);
    size++;
    if (--untilWider === 0) [untilWider, width] = [2 ** width, width + 1];
  }
  put(2, width);
  let out = '';
  for (let i = 0; i < bits.length; i += 6) {
    let v = 0;
    for (let j = 0; j < 6; j++) v = (v << 1) | (bits[i + j] ?? 0);
    out += alphabet[v];
  }
  return `v2:${out}`;
}
