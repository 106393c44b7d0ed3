import { ArrangementPanel } from './Arrangement/ArrangementPanel';
import { AssignmentPanel, AssignmentStatus } from './Assignment/AssignmentPanel';
import { ChordPicker } from './Chords/ChordPicker';
import { ExportBar } from './Export/ExportBar';
import { PhraseGrid } from './Grid/PhraseGrid';
import { HistoryPanel } from './History/HistoryPanel';
import { HelpDialog } from './Help/HelpDialog';
import { InterpolatePanel } from './Interpolate/InterpolatePanel';
import { LatentMap } from './LatentMap/LatentMap';
import { StepInput } from './Keyboard/StepInput';
import { NotationPanel } from './Notation/NotationPanel';
import { TheoryControls } from './Theory/TheoryControls';
import { PhraseLibrary } from './Library/PhraseLibrary';
import { MidiPanel } from './Midi/MidiPanel';
import { Notices } from './Notices/Notices';
import { OfflineNotice } from './Offline/OfflineNotice';
import { ProposalsPanel } from './Proposals/ProposalsPanel';
import { SaveStatus } from './SaveStatus';
import { SongList } from './Songs/SongList';
import { SongTitle } from './Songs/SongTitle';
import { SongSettings } from './Transport/SongSettings';
import { SoundStatus } from './Transport/SoundStatus';
import { TempoField } from './Transport/TempoField';
import { TransportControls } from './Transport/TransportControls';
import { useServices } from './AppContext';

/** The page: header with the song title, the song list aside, transport and settings above the grid. */
export function App() {
  const { ui } = useServices();
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ♪
          </span>
          Phrasewright
        </h1>
        <SongTitle />
        {/* In the header, so a status appearing (piano loading) never shifts the grid under the pointer. */}
        <SoundStatus />
        <SaveStatus />
        <OfflineNotice />
        <button
          type="button"
          className="ghost help-button"
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          onClick={() => ui.set({ helpOpen: true })}
        >
          Shortcuts <kbd>?</kbd>
        </button>
      </header>
      <aside className="app-aside">
        <SongList />
      </aside>
      <main className="app-main">
        <div className="transport">
          <TransportControls />
          <TempoField />
          <SongSettings />
        </div>
        <Notices />
        <AssignmentStatus />
        <PhraseGrid />
        <StepInput />
        <ChordPicker />
        <MidiPanel />
        <TheoryControls />
        <NotationPanel />
        <div className="song-area">
          <PhraseLibrary />
          <ArrangementPanel />
        </div>
        <ExportBar />
        <ProposalsPanel />
        <InterpolatePanel />
        <LatentMap />
        <HistoryPanel />
        <AssignmentPanel />
      </main>
      <HelpDialog />
    </div>
  );
}
