import type { AuthorOrUnknown } from '../../core/authorship';
import { AUTHOR_ORDER, AUTHOR_STYLES, patternId } from './authorStyles';

function PatternShape({ author }: { author: AuthorOrUnknown }) {
  const { colour, pattern } = AUTHOR_STYLES[author];
  switch (pattern) {
    case 'solid':
      return <rect width="6" height="6" fill={colour} />;
    case 'dots':
      return (
        <>
          <rect width="6" height="6" fill={colour} fillOpacity="0.35" />
          <circle cx="3" cy="3" r="1.6" fill={colour} />
        </>
      );
    case 'stripes':
      return (
        <>
          <rect width="6" height="6" fill={colour} fillOpacity="0.35" />
          <path d="M-1 1l2-2M0 6l6-6M5 7l2-2" stroke={colour} strokeWidth="1.6" />
        </>
      );
    case 'cross':
      return (
        <>
          <rect width="6" height="6" fill={colour} fillOpacity="0.3" />
          <path d="M0 0l6 6M6 0l-6 6" stroke={colour} strokeWidth="1.2" />
        </>
      );
    case 'bars':
      return (
        <>
          <rect width="6" height="6" fill={colour} fillOpacity="0.35" />
          <rect width="6" height="2.4" fill={colour} />
        </>
      );
    case 'waves':
      return (
        <>
          <rect width="6" height="6" fill={colour} fillOpacity="0.35" />
          <rect width="2.4" height="6" fill={colour} />
        </>
      );
    case 'hollow':
      return (
        <rect
          x="0.5"
          y="0.5"
          width="5"
          height="5"
          fill="none"
          stroke={colour}
          strokeWidth="1"
          strokeDasharray="1.5 1"
        />
      );
  }
}

/** The fill patterns of every author, for any SVG in the page to use as fill="url(#author-pattern-…)". */
export function AuthorPatterns() {
  return (
    <svg className="author-patterns" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {AUTHOR_ORDER.map((a) => (
          <pattern key={a} id={patternId(a)} width="6" height="6" patternUnits="userSpaceOnUse">
            <PatternShape author={a} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** A swatch of one author's colour and pattern. */
export function AuthorSwatch({ author }: { author: AuthorOrUnknown }) {
  const { colour } = AUTHOR_STYLES[author];
  return (
    <svg className="author-swatch" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="27" height="13" rx="2" fill={`url(#${patternId(author)})`} stroke={colour} />
    </svg>
  );
}

/** The legend: swatch, staff letter and words for each author shown (all of them by default). */
export function AuthorLegend({ authors = AUTHOR_ORDER }: { authors?: readonly AuthorOrUnknown[] }) {
  return (
    <ul className="author-legend" aria-label="Legend">
      {authors.map((a) => (
        <li key={a} data-author={a}>
          <AuthorSwatch author={a} />
          <span className="author-letter">{AUTHOR_STYLES[a].letter}</span> {AUTHOR_STYLES[a].label}
        </li>
      ))}
    </ul>
  );
}
