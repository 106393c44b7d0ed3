/** Small line icons drawn inline (no icon font: the app works offline and glyph coverage varies). */
const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

export function PencilIcon() {
  return (
    <svg {...common}>
      <path d="M11 2.5l2.5 2.5L6 12.5 3 13l.5-3z" />
    </svg>
  );
}

export function CopyIcon() {
  return (
    <svg {...common}>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5A1.5 1.5 0 009 1.5H4A1.5 1.5 0 002.5 3v5A1.5 1.5 0 004 9.5h.5" />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg {...common}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </svg>
  );
}

export function PlayIcon() {
  return (
    <svg {...common}>
      <path d="M5 3.5v9l7-4.5z" />
    </svg>
  );
}

export function StopIcon() {
  return (
    <svg {...common}>
      <rect x="4" y="4" width="8" height="8" rx="1" />
    </svg>
  );
}

export function MutateIcon() {
  return (
    <svg {...common}>
      <path d="M2.5 5h7.5l-2-2M13.5 11H6l2 2" />
      <path d="M12 5.5a4.5 4.5 0 01-1 5M4 10.5a4.5 4.5 0 011-5" />
    </svg>
  );
}

export function AppendIcon() {
  return (
    <svg {...common}>
      <path d="M2.5 4h6M2.5 8h6M2.5 12h4M12 9v5M9.5 11.5h5" />
    </svg>
  );
}

export function HeatIcon() {
  return (
    <svg {...common}>
      <rect x="2.5" y="9" width="3" height="4.5" />
      <rect x="6.5" y="5" width="3" height="8.5" />
      <rect x="10.5" y="2.5" width="3" height="11" />
    </svg>
  );
}

export function UndoIcon() {
  return (
    <svg {...common}>
      <path d="M5.5 3L2.5 6l3 3" />
      <path d="M2.5 6h6.5a4 4 0 010 8H6" />
    </svg>
  );
}

export function RedoIcon() {
  return (
    <svg {...common}>
      <path d="M10.5 3l3 3-3 3" />
      <path d="M13.5 6H7a4 4 0 000 8h3" />
    </svg>
  );
}

export function MetronomeIcon() {
  return (
    <svg {...common}>
      <path d="M5.5 2.5h5l2.5 11h-10z" />
      <path d="M8 11l3.5-7" />
    </svg>
  );
}
