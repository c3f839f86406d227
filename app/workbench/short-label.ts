/**
 * A node's name cut to fit its card, keeping its end: names that differ only at the end
 * (`orders-retry-2s`, `orders-retry-4s`) must not both become `orders-retry…`. The last
 * dash-separated part is kept whole when short (`orders-re…-2s`), else the last few characters.
 * The card's tooltip and the inspector keep the whole name.
 */
export const labelFits = 13;

export function shortLabel(label: string, fits = labelFits): string {
  if (label.length <= fits) return label;
  const dash = label.lastIndexOf('-');
  const part = dash > 0 ? label.slice(dash) : '';
  const tail = part.length >= 2 && part.length <= 5 ? part : label.slice(-4);
  return `${label.slice(0, fits - 1 - tail.length)}…${tail}`;
}
