import { useEffect } from 'react';
import type { Song } from '../../core/types';
import { useServices } from '../AppContext';
import { sectionAt, sectionSpans, type SectionSpan } from '../Arrangement/sectionSpans';
import { runWhilePlaying } from '../playingFrames';

/**
 * While the song plays, the grid follows the section being heard: when playback crosses into a section of
 * another phrase, that phrase is shown (as a DAW's editor follows its playhead). Read on animation frames
 * from the engine, so playing re-renders only when the section changes.
 */
export function useFollowSong(): void {
  const { engine, store, actions } = useServices();
  useEffect(() => {
    let spansOf: Song | null = null;
    let spans: SectionSpan[] = [];
    let followed: string | null = null;
    const draw = () => {
      const { song, transport, editor } = store.getState();
      if (!transport.playing || transport.target?.kind !== 'song') {
        followed = null;
        return;
      }
      const { step } = engine.playhead();
      if (step === null) return;
      if (spansOf !== song) {
        spans = sectionSpans(song);
        spansOf = song;
      }
      const playing = sectionAt(spans, step);
      if (!playing || playing.id === followed) return;
      followed = playing.id;
      const phraseId = song.arrangement.find((s) => s.id === playing.id)?.phraseId;
      if (phraseId && phraseId !== editor.currentPhraseId) actions.selectPhrase(phraseId);
    };
    return runWhilePlaying(store, draw);
  }, [engine, store, actions]);
}
