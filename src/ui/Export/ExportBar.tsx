import { useRef, useState } from 'react';
import type { MidiImportPreview } from '../../core/smf';
import { useActions } from '../AppContext';
import { downloadFile } from './downloadFile';
import { FilePickerButton } from './FilePickerButton';
import { MidiImportDialog } from './MidiImportDialog';
import { ShareLinkField } from './ShareLinkField';
import { WavExportDialog } from './WavExportDialog';

/** Largest file read into memory for import; the MIDI and project readers refuse bigger ones with a reason anyway. */
const MAX_FILE_BYTES = 40 * 1024 * 1024;

/**
 * Taking the song out and bringing songs in: MIDI, WAV, project files and share links. Failures are shown
 * by the store as alerts in plain words; nothing here changes the song except through actions.
 */
export function ExportBar() {
  const actions = useActions();
  const [wav, setWav] = useState<{ progress: number } | null>(null);
  const wavAbort = useRef<AbortController | null>(null);
  const [midi, setMidi] = useState<{ fileName: string; preview: MidiImportPreview } | null>(null);
  const [share, setShare] = useState<{ url: string; copied: boolean } | null>(null);

  const tooLarge = (file: File) => {
    if (file.size <= MAX_FILE_BYTES) return false;
    actions.notify({ kind: 'error', message: `"${file.name}" is ${Math.round(file.size / 1024 / 1024)} MB, too large to open.` });
    return true;
  };

  const exportWav = () => {
    if (wav) return;
    const controller = new AbortController();
    wavAbort.current = controller;
    setWav({ progress: 0 });
    void actions
      .exportWav({ signal: controller.signal, onProgress: (progress) => setWav({ progress }) })
      .then((result) => {
        if (result.ok) downloadFile(result);
        else if (result.cancelled) actions.notify({ id: 'export-wav', kind: 'info', message: 'The audio export was cancelled.' });
      })
      .finally(() => setWav(null));
  };

  const shareLink = async () => {
    const made = await actions.shareLinkPayload();
    if (!made.ok) return;
    const url = `${location.origin}${location.pathname}#song=${made.payload}`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false; // no permission (or no clipboard): the field shows the link to copy by hand
    }
    setShare({ url, copied });
  };

  return (
    <section className="song-card export-bar" aria-labelledby="export-title">
      <h2 id="export-title">Take the song anywhere</h2>
      <div className="export-buttons" role="group" aria-label="Export and import">
        <button
          type="button"
          onClick={() => {
            const file = actions.exportMidi();
            if (file.ok) downloadFile(file);
          }}
        >
          Export MIDI
        </button>
        <FilePickerButton
          accept=".mid,.midi,audio/midi,audio/x-midi"
          onFile={(file) => {
            if (tooLarge(file)) return;
            void file.arrayBuffer().then((buffer) => {
              const read = actions.readMidi(new Uint8Array(buffer));
              if (read.ok) setMidi({ fileName: file.name, preview: read.preview });
            });
          }}
        >
          Import MIDI
        </FilePickerButton>
        <button type="button" disabled={wav !== null} onClick={exportWav}>
          Export WAV
        </button>
        <button
          type="button"
          onClick={() => {
            const file = actions.exportProject();
            if (file.ok) downloadFile(file);
          }}
        >
          Save project
        </button>
        <FilePickerButton
          accept=".json,application/json"
          onFile={(file) => {
            if (tooLarge(file)) return;
            void file.text().then((text) => actions.openProject(text, file.name));
          }}
        >
          Open project
        </FilePickerButton>
        <button type="button" onClick={() => void shareLink()}>
          Share link
        </button>
      </div>
      {wav && <WavExportDialog progress={wav.progress} onCancel={() => wavAbort.current?.abort()} />}
      {midi && (
        <MidiImportDialog
          fileName={midi.fileName}
          preview={midi.preview}
          onCancel={() => setMidi(null)}
          onImport={(choice) => {
            const result = actions.importMidiTrack(midi.preview, choice, midi.fileName);
            if (result.ok) setMidi(null);
          }}
        />
      )}
      {share && <ShareLinkField url={share.url} copied={share.copied} onClose={() => setShare(null)} />}
    </section>
  );
}
