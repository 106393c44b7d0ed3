import { songToMidi } from '../../core/smf';
import { MXL_MIME_TYPE, packMxl, songToMusicXml } from '../../core/musicxml';
import { parseProject, PROJECT_FILE_EXTENSION, serializeProject } from '../../core/projectFile';
import { decodeShareLink, encodeShareLink } from '../../core/shareLink';
import type { Song } from '../../core/types';
import type { StoreContext } from '../context';
import { safeFileName } from '../actions/noticeActions';
import { errorMessage } from '../persistence/recordCodec';
import type { AppActions } from '../types';
import { createImportActions } from './importActions';
import type { ExportResult, TransferActions, TransferDeps, WavRenderer } from './types';

export interface TransferContextDeps extends TransferDeps {
  notify: AppActions['notify'];
  /** Shows `song` as a new song of the library (saved, remembered as the open one). */
  addSong(song: Song): Promise<void>;
}

/** The first letter of a reason in capitals and a full stop at the end, for a sentence on screen. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * Export and import: MIDI, MusicXML, WAV, project files and share links. Exports hand back bytes for the
 * UI to download; imports that open a song add it as a NEW song (never replacing the open one); MIDI and
 * MusicXML imports are in importActions. Every failure is an alert in plain
 * words and leaves the song as it was.
 */
export function createTransferActions(ctx: StoreContext, deps: TransferContextDeps): TransferActions {
  const song = () => ctx.store.getState().song;
  const fileBase = () => safeFileName(song().title);
  let wavRenderer: Promise<WavRenderer> | null = null;

  function fail(id: string, reason: string): { ok: false; reason: string } {
    deps.notify({ id, kind: 'error', message: sentence(reason) });
    return { ok: false, reason: sentence(reason) };
  }

  /** A song from outside gets fresh ids for itself so it never overwrites a stored song with the same id. */
  function asNewSong(opened: Song): Song {
    const now = ctx.now();
    return { ...opened, id: ctx.newId(), createdAt: now, updatedAt: now };
  }

  return {
    exportMidi() {
      try {
        return { ok: true, filename: `${fileBase()}.mid`, mimeType: 'audio/midi', bytes: songToMidi(song()) };
      } catch (error) {
        return fail('export-midi', `Could not export MIDI: ${errorMessage(error)}`);
      }
    },

    async exportWav(options = {}): Promise<ExportResult> {
      const subject = song();
      if (!subject.arrangement.some((s) => subject.phrases.some((p) => p.id === s.phraseId))) {
        return fail('export-wav', 'There is nothing to render: the arrangement is empty. Add a section first.');
      }
      if (!deps.wav) return fail('export-wav', 'Audio export is not available in this session.');
      try {
        wavRenderer ??= deps.wav();
        const render = await wavRenderer;
        const bytes = await render(subject, {
          ...options,
          onFallback: (message) => deps.notify({ id: 'export-wav-fallback', kind: 'warning', message }),
        });
        return { ok: true, filename: `${safeFileName(subject.title)}.wav`, mimeType: 'audio/wav', bytes };
      } catch (error) {
        wavRenderer = null;
        if (options.signal?.aborted) return { ok: false, reason: 'The audio export was cancelled.', cancelled: true };
        return fail('export-wav', `Could not export audio: ${errorMessage(error)}`);
      }
    },

    exportProject() {
      const text = serializeProject(song());
      return {
        ok: true,
        filename: `${fileBase()}${PROJECT_FILE_EXTENSION}`,
        mimeType: 'application/json',
        bytes: new TextEncoder().encode(text),
      };
    },

    async openProject(text, fileName) {
      const parsed = parseProject(text);
      const what = fileName ? `"${fileName}"` : 'the project file';
      if (!parsed.ok) return fail('open-project', `Could not open ${what}: ${parsed.reason}`);
      const opened = asNewSong(parsed.song);
      await deps.addSong(opened);
      deps.notify({ id: 'open-project', kind: 'info', message: `Opened "${opened.title}" as a new song.` });
      return { ok: true };
    },

    async shareLinkPayload() {
      try {
        return { ok: true, payload: await encodeShareLink(song()) };
      } catch (error) {
        return fail('share-link', `Could not make a share link: ${errorMessage(error)}`);
      }
    },

    async openShareLink(fragment) {
      const decoded = await decodeShareLink(fragment, { now: ctx.now(), newId: ctx.newId });
      if (!decoded.ok)
        return fail('share-link', `Could not open the shared song: ${decoded.reason}. Your songs are unchanged`);
      const opened = asNewSong(decoded.song);
      await deps.addSong(opened);
      deps.notify({
        id: 'share-link',
        kind: 'info',
        message: `Opened the shared song "${opened.title}" as a new song; your other songs are unchanged.`,
      });
      return { ok: true };
    },

    exportMusicXml(choice) {
      try {
        const xml = songToMusicXml(song(), { chordsPart: choice.chordsPart });
        if (choice.compressed)
          return { ok: true, filename: `${fileBase()}.mxl`, mimeType: MXL_MIME_TYPE, bytes: packMxl(xml) };
        return {
          ok: true,
          filename: `${fileBase()}.musicxml`,
          mimeType: `${MXL_MIME_TYPE}+xml`,
          bytes: new TextEncoder().encode(xml),
        };
      } catch (error) {
        return fail('export-musicxml', `Could not export MusicXML: ${errorMessage(error)}`);
      }
    },

    ...createImportActions(ctx, { fail, notify: deps.notify, addSong: deps.addSong }),
  };
}
