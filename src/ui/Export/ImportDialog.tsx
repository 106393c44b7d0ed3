import { useMemo, useState } from 'react';
import { chooseImportKey, trackGridFeel, type MidiImportPreview } from '../../core/smf';
import { keyName } from '../../core/theory/keyDetection';
import type { KeySignature } from '../../core/types';
import type { MidiImportChoice } from '../../store/song/types';

const SPLITS = [1, 2, 4, 8];

/** Describes the file's tempo and metre in one line ("96 BPM · 3/4"). */
function fileSettings(preview: MidiImportPreview): string {
  const parts = [
    preview.tempo === null ? 'no tempo (120 BPM)' : `${Math.round(preview.tempo * 10) / 10} BPM`,
    preview.timeSignature
      ? `${preview.timeSignature.beats}/${preview.timeSignature.beatUnit}`
      : 'no time signature (4/4)',
  ];
  return parts.join(' · ');
}

const sameKey = (a: KeySignature | null | undefined, b: KeySignature | null | undefined) =>
  Boolean(a && b && a.tonic === b.tonic && a.scale === b.scale);

/**
 * Choosing what to import from a MIDI or MusicXML file: the track (named by channel and instrument when
 * the file gives no names), how to cut it into phrases, a new song or this one, the key (the file's and
 * the melody's, when they differ or the file names none) and, for a swung track, the song's swing.
 */
export function ImportDialog({
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
  const [choice, setChoice] = useState<MidiImportChoice>(() => ({
    trackIndex: firstMelodic,
    splitEveryBars: 4,
    onePhrase: false,
    target: 'new-song',
    adoptSettings: false,
    useSwing: true,
  }));
  const set = (patch: Partial<MidiImportChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const keyChoice = useMemo(() => chooseImportKey(preview, choice.trackIndex), [preview, choice.trackIndex]);
  const feel = useMemo(() => trackGridFeel(preview, choice.trackIndex), [preview, choice.trackIndex]);
  const settingsApply = choice.target === 'new-song' || choice.adoptSettings;
  const keys = [keyChoice.suggested, keyChoice.detected, keyChoice.fromFile].filter(
    (k, i, all): k is KeySignature => k !== null && all.findIndex((o) => sameKey(o, k)) === i,
  );
  const chosenKey = choice.key === undefined ? keyChoice.suggested : choice.key;
  const what = preview.source === 'musicxml' ? 'MusicXML' : 'MIDI';

  return (
    <div className="export-dialog midi-import" role="dialog" aria-label={`Import ${what}`} aria-modal="false">
      <p className="export-dialog-title">
        Import from <strong>{fileName}</strong>: {fileSettings(preview)}
      </p>
      <fieldset className="track-list">
        <legend>{preview.source === 'musicxml' ? 'Part' : 'Track'}</legend>
        {preview.tracks.map((t) => (
          <label key={t.index} className="track-choice">
            <input
              type="radio"
              name="import-track"
              checked={choice.trackIndex === t.index}
              onChange={() => set({ trackIndex: t.index, key: undefined })}
            />
            {`${t.label}: ${t.noteCount} note${t.noteCount === 1 ? '' : 's'}${t.chords ? `, ${t.chords.length} chord symbol${t.chords.length === 1 ? '' : 's'}` : ''}${t.isDrums ? ' (drums)' : ''}`}
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
      </div>
      <fieldset className="track-list" role="radiogroup" aria-label="Import into">
        <legend>Import into</legend>
        <label className="track-choice">
          <input
            type="radio"
            name="import-target"
            checked={choice.target === 'new-song'}
            onChange={() => set({ target: 'new-song' })}
          />
          A new song
        </label>
        <label className="track-choice">
          <input
            type="radio"
            name="import-target"
            checked={choice.target === 'this-song'}
            onChange={() => set({ target: 'this-song' })}
          />
          Add to this song
        </label>
        {choice.target === 'this-song' && (
          <label className="check">
            <input
              type="checkbox"
              checked={choice.adoptSettings}
              onChange={(e) => set({ adoptSettings: e.target.checked })}
            />
            Also change this song to the file's tempo, time signature and key
          </label>
        )}
      </fieldset>
      {settingsApply && (
        <fieldset className="track-list" role="radiogroup" aria-label="Song key">
          <legend>Song key</legend>
          <p className="key-description">{keyChoice.description}</p>
          {keys.map((k) => (
            <label key={`${k.tonic} ${k.scale}`} className="track-choice">
              <input type="radio" name="import-key" checked={sameKey(chosenKey, k)} onChange={() => set({ key: k })} />
              {keyName(k)}
              {sameKey(k, keyChoice.detected) && !sameKey(k, keyChoice.fromFile) ? ' (the melody)' : ''}
              {sameKey(k, keyChoice.fromFile) ? ' (the file says)' : ''}
            </label>
          ))}
        </fieldset>
      )}
      {feel && !feel.swing && feel.eighthSwing && settingsApply && (preview.timeSignature?.beatUnit ?? 4) <= 8 ? (
        <label className="check">
          <input
            type="checkbox"
            checked={choice.halfTime ?? false}
            onChange={(e) => set({ halfTime: e.target.checked })}
          />
          Keep the swung eighths: write them as sixteenths at half the tempo ({Math.round((preview.tempo ?? 120) / 2)}{' '}
          BPM, {preview.timeSignature?.beats ?? 4}/{(preview.timeSignature?.beatUnit ?? 4) * 2}) with the song's swing
          at {Math.round(feel.eighthSwing * 100)}%
        </label>
      ) : null}
      {feel?.swing && settingsApply ? (
        <label className="check">
          <input
            type="checkbox"
            checked={choice.useSwing ?? false}
            onChange={(e) => set({ useSwing: e.target.checked })}
          />
          Keep the swing: the off-beat sixteenths are played late; set the song's swing to{' '}
          {Math.round(feel.swing * 100)}%
        </label>
      ) : null}
      {feel && feel.tripletNotes > 0 && (
        <p className="field-reason">
          {feel.tripletNotes} note{feel.tripletNotes === 1 ? ' sits' : 's sit'} on triplets; the grid holds sixteenths,
          so {feel.tripletNotes === 1 ? 'it goes' : 'they go'} to the nearest one.
        </p>
      )}
      {preview.warnings.length > 0 && <p className="field-reason">Not carried over: {preview.warnings.join('; ')}.</p>}
      <div className="dialog-buttons">
        <button
          type="button"
          className="primary"
          onClick={() => onImport({ ...choice, key: settingsApply ? chosenKey : undefined })}
        >
          Import
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
