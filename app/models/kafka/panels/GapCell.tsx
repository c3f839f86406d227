/**
 * A gap cell on a partition strip: one cell standing for a run of records left out, saying how many
 * ("… 41 / records") and, to a screen reader and on hover, which offsets. Where the strip left them
 * out to fit its width (strip-fit.ts), the cell is a button that draws every record again, so the
 * records in the middle stay within reach of the keyboard and the inspector.
 */
import { compactCount, formatCount, plural } from '../../../workbench/panels/labels.ts';

/** What a gap cell says: how many records, and which offsets. */
export function gapText(records: number, fromOffset: number, toOffset: number): string {
  const offsets =
    toOffset > fromOffset
      ? `offsets ${formatCount(fromOffset)} to ${formatCount(toOffset)}`
      : `offset ${formatCount(fromOffset)}`;
  return `${plural(records, 'record')} not drawn here (${offsets})`;
}

export interface GapCellProps {
  offset: number;
  records: number;
  /** The last offset the gap stands for (the next drawn cell's offset − 1, or the log end's − 1). */
  lastOffset: number;
  /** Given when the gap was made to fit the width: the cell becomes a button that draws every record. */
  onShowAll?: () => void;
  tabIndex?: number;
  onFocus?: () => void;
}

export function GapCell({ offset, records, lastOffset, onShowAll, tabIndex, onFocus }: GapCellProps) {
  const said = gapText(records, offset, lastOffset);
  const face = (
    <>
      <span className="wbp-gap-count" aria-hidden="true">
        … {compactCount(records)}
      </span>
      <span className="wbp-gap-word" aria-hidden="true">
        {records === 1 ? 'record' : 'records'}
      </span>
    </>
  );
  if (!onShowAll)
    return (
      <li className="wbp-cell wbp-cell-gap-records" data-gap={records} title={said}>
        {face}
        <span className="wbp-sr">{said}</span>
      </li>
    );
  return (
    <li>
      <button
        type="button"
        className="wbp-cell wbp-cell-gap-records"
        data-gap={records}
        data-offset={offset}
        tabIndex={tabIndex}
        title={`${said}: show every record`}
        onFocus={onFocus}
        onClick={onShowAll}
      >
        {face}
        <span className="wbp-sr">{`${said}: show every record`}</span>
      </button>
    </li>
  );
}
