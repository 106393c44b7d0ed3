import { useState } from 'react';
import type { MusicXmlExportChoice } from '../../store/song/types';

/** Choosing the MusicXML file: plain .musicxml or compressed .mxl, and whether the chords get a part of their own. */
export function MusicXmlExportDialog({
  onExport,
  onCancel,
}: {
  onExport(choice: MusicXmlExportChoice): void;
  onCancel(): void;
}) {
  const [choice, setChoice] = useState<MusicXmlExportChoice>({ compressed: false, chordsPart: false });
  return (
    <div className="export-dialog" role="dialog" aria-label="Export MusicXML" aria-modal="false">
      <p className="export-dialog-title">
        MusicXML for notation programs (MuseScore, Noteflight, Flat, Finale, Sibelius)
      </p>
      <fieldset className="track-list">
        <legend>File</legend>
        <label className="track-choice">
          <input
            type="radio"
            name="musicxml-kind"
            checked={!choice.compressed}
            onChange={() => setChoice({ ...choice, compressed: false })}
          />
          MusicXML (.musicxml)
        </label>
        <label className="track-choice">
          <input
            type="radio"
            name="musicxml-kind"
            checked={choice.compressed}
            onChange={() => setChoice({ ...choice, compressed: true })}
          />
          Compressed MusicXML (.mxl)
        </label>
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={choice.chordsPart}
          onChange={(e) => setChoice({ ...choice, chordsPart: e.target.checked })}
        />
        Chords as a second part
      </label>
      <div className="dialog-buttons">
        <button type="button" className="primary" autoFocus onClick={() => onExport(choice)}>
          Export
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
