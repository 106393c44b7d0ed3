import { pitchName } from '../../core/pitch';
import type { AuthoredNote } from '../../core/assignmentReport';
import { AUTHOR_STYLES, patternId } from './authorStyles';

const STEP_W = 12;
const ROW_H = 9;

/**
 * A phrase as a piano roll (the step grid in small), each note filled with its author's colour and pattern
 * and outlined in the author's colour; bar lines every bar. Every note names its author in a <title>.
 */
export function AuthorRoll({
  name,
  notes,
  steps,
  stepsPerBar,
}: {
  name: string;
  notes: readonly AuthoredNote[];
  steps: number;
  stepsPerBar: number;
}) {
  const pitches = notes.map((n) => n.note.pitch);
  const high = (pitches.length ? Math.max(...pitches) : 72) + 1;
  const low = (pitches.length ? Math.min(...pitches) : 60) - 1;
  const rows = high - low + 1;
  const width = steps * STEP_W;
  const height = rows * ROW_H;
  const bars = Array.from({ length: Math.floor(steps / stepsPerBar) + 1 }, (_, i) => i * stepsPerBar * STEP_W);
  return (
    <svg
      className="author-roll"
      role="img"
      aria-label={`Phrase ${name} drawn by author`}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMinYMin meet"
      height={Math.min(200, Math.max(60, rows * 9))}
    >
      <rect width={width} height={height} className="author-roll-bg" />
      {bars.map((x) => (
        <line key={x} x1={x} x2={x} y1={0} y2={height} className="author-roll-bar" />
      ))}
      {notes.map(({ note, author }) => (
        <rect
          key={`${note.start}:${note.pitch}`}
          data-author={author}
          x={note.start * STEP_W + 0.5}
          y={(high - note.pitch) * ROW_H + 0.5}
          width={Math.max(1, note.length * STEP_W - 1)}
          height={ROW_H - 1}
          rx={1.5}
          fill={`url(#${patternId(author)})`}
          stroke={AUTHOR_STYLES[author].colour}
          strokeWidth={1.2}
        >
          <title>{`${pitchName(note.pitch)} step ${note.start + 1}: ${AUTHOR_STYLES[author].label}`}</title>
        </rect>
      ))}
    </svg>
  );
}
