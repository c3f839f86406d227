/**
 * A node's name cut to fit its card, keeping its end when the end is what tells names apart:
 * `orders-retry-2s` and `orders-retry-4s` must not both become `orders-retry…`, so a long name
 * ending in a short dash-separated part keeps that part whole (`orders-re…-2s`). Any other long
 * name ("payment service") is left whole for the card to end with an ellipsis, where its start
 * says what it is. The card's tooltip keeps the whole name.
 */
export const labelFits = 13;

export function shortLabel(label: string, fits = labelFits): string {
  if (label.length <= fits) return label;
  const dash = label.lastIndexOf('-');
  const tail = dash > 0 ? label.slice(dash) : '';
  if (tail.length < 2 || tail.length > 5) return label;
  return `${label.slice(0, fits - 1 - tail.length)}…${tail}`;
}
