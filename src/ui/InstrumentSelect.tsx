import type { InstrumentId } from '../core/types';

export const INSTRUMENT_LABELS: Record<InstrumentId, string> = {
  piano: 'Grand piano',
  'triangle-synth': 'Soft synth',
  'square-lead': 'Square lead',
  'fm-bell': 'FM bell',
};

interface Props {
  label: string;
  value: InstrumentId;
  onChange: (id: InstrumentId) => void;
}

/** A labelled choice of one of the app's instruments (melody in the transport, chords in the mix). */
export function InstrumentSelect({ label, value, onChange }: Props) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as InstrumentId)}>
        {(Object.keys(INSTRUMENT_LABELS) as InstrumentId[]).map((id) => (
          <option key={id} value={id}>
            {INSTRUMENT_LABELS[id]}
          </option>
        ))}
      </select>
    </label>
  );
}
