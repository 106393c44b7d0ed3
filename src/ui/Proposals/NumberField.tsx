import { useState } from 'react';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onCommit(value: number): void;
  className?: string;
}

/**
 * A number input that lets the musician type freely (an empty or half-typed value is not forced back at
 * once) and commits every value that parses; on blur it shows the committed (clamped) value again.
 */
export function NumberField({ label, value, min, max, step = 1, onCommit, className }: Props) {
  const [draft, setDraft] = useState(String(value));
  const [editing, setEditing] = useState(false);
  return (
    <label className={`field ${className ?? ''}`}>
      <span className="field-label">{label}</span>
      <input
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={editing ? draft : String(value)}
        onFocus={() => {
          setDraft(String(value));
          setEditing(true);
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n)) onCommit(n);
        }}
        onBlur={() => {
          setEditing(false);
          setDraft(String(value));
        }}
      />
    </label>
  );
}
