import type { ReactNode } from 'react';
import { MixControls } from '../Arrangement/MixControls';
import { AssignmentPanel, AssignmentStatus } from '../Assignment/AssignmentPanel';
import { ChordPicker } from '../Chords/ChordPicker';
import { ExportBar } from '../Export/ExportBar';
import { HistoryPanel } from '../History/HistoryPanel';
import { InterpolatePanel } from '../Interpolate/InterpolatePanel';
import { StepInput } from '../Keyboard/StepInput';
import { LatentMap } from '../LatentMap/LatentMap';
import { MidiPanel } from '../Midi/MidiPanel';
import { NotationPanel } from '../Notation/NotationPanel';
import { TeachingView } from '../Proposals/TeachingView';
import { SongList } from '../Songs/SongList';
import { TheoryControls } from '../Theory/TheoryControls';
import type { PanelId } from './panelMemory';
import '../Export/export.css';

export interface PanelDefinition {
  id: PanelId;
  /** The tab's name (the UI contract names these). */
  label: string;
  icon: string;
  hint: string;
  render(): ReactNode;
}

/** The side panels, in tab order. Each view is the feature's own component, unchanged inside. */
export const PANELS: readonly PanelDefinition[] = [
  { id: 'chords', label: 'Chords', icon: '♯', hint: 'Chords of the phrase, bar by bar', render: () => <ChordPicker /> },
  {
    id: 'notation',
    label: 'Notation',
    icon: '♩',
    hint: 'The phrase or the song on a staff; print a handout',
    render: () => <NotationPanel />,
  },
  {
    id: 'theory',
    label: 'Theory',
    icon: '∿',
    hint: 'Scale degrees, chord tones, intervals, key; why the model chose its notes',
    render: () => (
      <>
        <TheoryControls />
        <TeachingView />
      </>
    ),
  },
  {
    id: 'interpolate',
    label: 'Interpolate',
    icon: '⇝',
    hint: 'In-between phrases from one phrase to another (MusicVAE); the latent map',
    render: () => (
      <>
        <InterpolatePanel />
        <LatentMap />
      </>
    ),
  },
  {
    id: 'history',
    label: 'History',
    icon: '↺',
    hint: 'Every version of the phrase: compare, restore',
    render: () => <HistoryPanel />,
  },
  {
    id: 'midi',
    label: 'MIDI',
    icon: '◎',
    hint: 'MIDI keyboard in, MIDI instrument out, recording',
    render: () => <MidiPanel />,
  },
  {
    id: 'keyboard',
    label: 'Keyboard',
    icon: '⌨',
    hint: 'Play and write notes with the computer keyboard',
    render: () => <StepInput />,
  },
  {
    id: 'mix',
    label: 'Mix',
    icon: '≡',
    hint: 'Melody and chords: volume, mute, chords instrument',
    render: () => <MixControls />,
  },
  {
    id: 'export',
    label: 'Export',
    icon: '⇪',
    hint: 'MIDI, WAV, project files, share links; import MIDI',
    render: () => <ExportBar />,
  },
  {
    id: 'classroom',
    label: 'Classroom',
    icon: '✎',
    hint: 'Assignments, hand-backs, who wrote what',
    render: () => (
      <>
        <AssignmentStatus />
        <AssignmentPanel />
      </>
    ),
  },
  {
    id: 'songs',
    label: 'Songs',
    icon: '♫',
    hint: 'Your songs: new, open, rename, duplicate, delete',
    render: () => <SongList />,
  },
];
