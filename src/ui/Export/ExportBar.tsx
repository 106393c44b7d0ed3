import { useRef, useState } from 'react';
import type { MidiImportPreview } from '../../core/smf';
import type { MidiImportChoice } from '../../store/song/types';
import { useActions } from '../AppContext';
import { downloadFile } from './downloadFile';
import { FilePickerButton } from './FilePickerButton';
import { ImportDialog } from './ImportDialog';
import { MusicXmlExportDialog } from './MusicXmlExportDialog';
import { ShareLinkField } from './ShareLinkField';
import { WavExportDialog } from './WavExportDialog';

/** Largest file read into memory for import; the MIDI and project readers refuse bigger ones with a reason anyway. */
const MAX_FILE_BYTES = 40 * 1024 * 1024;

/**
 * Taking the song out and bringing songs in: MIDI, MusicXML, WAV, project files and share links. Failures are shown
 * by the store as alerts in plain words; nothing here changes the song except through actions.
 */
export function ExportBar() {
  const actions = useActions();
  const [wav, setWav] = useState<{ progress: number } | null>(null);
  const wavAbort = useRef<AbortController | null>(null);
  const [importing, setImporting] = useState<{ fileName: string; preview: MidiImportPreview } | null>(null);
  const [rest, setRest] = useState<{
    fileName: string;
    preview: MidiImportPreview;
    choice: MidiImportChoice;
    fromBar: number;
  } | null>(null);
  const [musicXml, setMusicXml] = useState(false);
  const [share, setShare] = useState<{ url: string; copied: boolean } | null>(null);

  const tooLarge = (file: File) => {
    if (file.size <= MAX_FILE_BYTES) return false;
    actions.notify({
      kind: 'error',
      message: `"${file.name}" is ${Math.round(file.size / 1024 / 1024)} MB, too large to open.`,
    });
    return true;
  };

  const readImport = (file: File) => {
    if (tooLarge(file)) return;
    void file.arrayBuffer().then((buffer) => {
      const read = actions.readImportFile(new Uint8Array(buffer), file.name);
      if (read.ok) {
        setRest(null);
        setImporting({ fileName: file.name, preview: read.preview });
      }
    });
  };

  const runImport = async (fileName: string, preview: MidiImportPreview, choice: MidiImportChoice) => {
    const result = await actions.importMidiTrack(preview, choice, fileName);
    if (!result.ok) return;
    setImporting(null);
    // The rest always goes to a new song of its own, picking up where this import stopped.
    setRest(
      result.rest
        ? { fileName, preview, choice: { ...choice, target: 'new-song' }, fromBar: result.rest.fromBar }
        : null,
    );
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
        else if (result.cancelled)
          actions.notify({ id: 'export-wav', kind: 'info', message: 'The audio export was cancelled.' });
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
        <FilePickerButton accept=".mid,.midi,audio/midi,audio/x-midi" onFile={readImport}>
          Import MIDI
        </FilePickerButton>
        <button type="button" onClick={() => setMusicXml(true)}>
          Export MusicXML
        </button>
        <FilePickerButton
          accept=".musicxml,.xml,.mxl,application/vnd.recordare.musicxml+xml,application/vnd.recordare.musicxml"
          onFile={readImport}
        >
          Import MusicXML
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
      {musicXml && (
        <MusicXmlExportDialog
          onCancel={() => setMusicXml(false)}
          onExport={(choice) => {
            const file = actions.exportMusicXml(choice);
            if (file.ok) {
              downloadFile(file);
              setMusicXml(false);
            }
          }}
        />
      )}
      {importing && (
        <ImportDialog
          fileName={importing.fileName}
          preview={importing.preview}
          onCancel={() => setImporting(null)}
          onImport={(choice) => void runImport(importing.fileName, importing.preview, choice)}
        />
      )}
      {rest && (
        <div className="export-dialog" role="region" aria-label="Rest of the import">
          <p className="export-dialog-title">
            The import of <strong>{rest.fileName}</strong> stopped at bar {rest.fromBar + 1}.
          </p>
          <div className="dialog-buttons">
            <button
              type="button"
              className="primary"
              onClick={() => void runImport(rest.fileName, rest.preview, { ...rest.choice, fromBar: rest.fromBar })}
            >
              Import the rest as another song
            </button>
            <button type="button" onClick={() => setRest(null)}>
              Not now
            </button>
          </div>
        </div>
      )}
      {share && <ShareLinkField url={share.url} copied={share.copied} onClose={() => setShare(null)} />}
    </section>
  );
}
