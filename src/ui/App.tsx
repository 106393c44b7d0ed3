import { useCallback, useState } from 'react';
import { SongTimeline } from './Arrangement/SongTimeline';
import { useServices } from './AppContext';
import { PhraseGrid } from './Grid/PhraseGrid';
import { useFollowSong } from './Grid/useFollowSong';
import { HelpDialog } from './Help/HelpDialog';
import { usePianoKeys } from './Keyboard/StepInput';
import { useMidiAutoConnect } from './Midi/useMidiAutoConnect';
import { Notices } from './Notices/Notices';
import { OfflineNotice } from './Offline/OfflineNotice';
import { SidePanels } from './Panels/SidePanels';
import { ProposalsPanel } from './Proposals/ProposalsPanel';
import { SaveStatus } from './SaveStatus';
import { SongTitle } from './Songs/SongTitle';
import { ThemeToggle } from './Theme/ThemeToggle';
import { SongSettings } from './Transport/SongSettings';
import { SoundStatus } from './Transport/SoundStatus';
import { TempoField } from './Transport/TempoField';
import { TransportControls } from './Transport/TransportControls';

/**
 * The writing screen: the header and transport on top, then the step grid with the candidate rail beside
 * it (the loop: write, ask, hear in place, take or change), the side panels behind their tabs at the right,
 * and the song timeline along the bottom. On a desktop window nothing here scrolls the page.
 */
export function App() {
  const services = useServices();
  const [panelOpen, setPanelOpen] = useState(false);
  const onPanelChange = useCallback((open: boolean) => setPanelOpen(open), []);
  useFollowSong();
  usePianoKeys();
  useMidiAutoConnect();

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
        <div className="header-tools">
          <ThemeToggle />
          <button
            type="button"
            className="ghost help-button"
            aria-haspopup="dialog"
            aria-keyshortcuts="?"
            onClick={() => services.ui.set({ helpOpen: true })}
          >
            Shortcuts <kbd>?</kbd>
          </button>
        </div>
      </header>
      <div className="transport">
        <TransportControls />
        <TempoField />
        <SongSettings />
      </div>
      <main className={`workspace${panelOpen ? ' has-panel' : ''}`}>
        <PhraseGrid />
        <ProposalsPanel />
        <SidePanels onOpenChange={onPanelChange} />
      </main>
      <SongTimeline />
      <Notices />
      <HelpDialog />
    </div>
  );
}
