import { useState } from 'react';
import type { MidiImportPreview } from '../../core/smf';
import type { MidiImportChoice } from '../../store/song/types';

const SPLITS = [1, 2, 4, 8];

/** Describes the file's tempo, metre and key in one line ("96 BPM · 3/4 · D minor"). */
function fileSettings(preview: MidiImportPreview): string {
  const parts = [
    preview.tempo === null ? 'no tempo (120 BPM)' : `${Math.round(preview.tempo * 10) / 10} BPM`,
    preview.timeSignature ? `${preview.timeSignature.beats}/${preview.timeSignature.beatUnit}` : 'no time signature',
    preview.key ? `${preview.key.tonic} ${preview.key.scale}` : 'no key',
  ];
  return parts.join(' · ');
}

/**
 * Choosing what to import from a MIDI file: one of its tracks (with note counts), how to cut it into
 * phrases, and whether the song takes the file's tempo, time signature and key.
 */
export function MidiImportDialog({
  fileName,
  preview,
  onImport,
  onCancel,
}: {
  fileName: string;
  preview: MidiImportPreview;
  onImport(choice: MidiImportChoice): void;
  onCancel(): void;
}) {
  const firstMelodic = preview.tracks.find((t) => !t.isDrums)?.index ?? 0;
  const [choice, setChoice] = useState<MidiImportChoice>({
    trackIndex: firstMelodic,
    splitEveryBars: 4,
    onePhrase: false,
    useFileSettings: true,
  });
  const set = (patch: Partial<MidiImportChoice>) => setChoice((c) => ({ ...c, ...patch }));

  return (
    <div className="export-dialog midi-import" role="dialog" aria-label="Import MIDI" aria-modal="false">
      <p className="export-dialog-title">
        Import from <strong>{fileName}</strong>: {fileSettings(preview)}
      </p>
      <fieldset className="track-list">
        <legend>Track</legend>
        {preview.tracks.map((t) => (
          <label key={t.index} className="track-choice">
            <input
              type="radio"
              name="midi-track"
              checked={choice.trackIndex === t.index}
              onChange={() => set({ trackIndex: t.index })}
            />
            {`${t.name}: ${t.noteCount} note${t.noteCount === 1 ? '' : 's'}${t.isDrums ? ' (drums)' : ''}`}
          </label>
        ))}
      </fieldset>
      <div className="midi-options">
        <label className="field">
          <span className="field-label">Split every</span>
          <select
            value={choice.splitEveryBars}
            disabled={choice.onePhrase}
            onChange={(e) => set({ splitEveryBars: Number(e.target.value) })}
          >
            {SPLITS.map((n) => (
              <option key={n} value={n}>
                {n === 1 ? '1 bar' : `${n} bars`}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={choice.onePhrase} onChange={(e) => set({ onePhrase: e.target.checked })} />
          As one phrase (first 8 bars)
        </label>
        <label className="check">
          <input type="checkbox" checked={choice.useFileSettings} onChange={(e) => set({ useFileSettings: e.target.checked })} />
          Use the file's tempo, time signature and key
        </label>
      </div>
      {preview.warnings.length > 0 && <p className="field-reason">Not carried over: {preview.warnings.join('; ')}.</p>}
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => onImport(choice)}>
          Import
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
