import { stepsPerBar as barSteps } from '../../core/meter';
import { HARMONY_AUDITION_ID } from '../../store/proposals/audition';
import { useActions, useAppState } from '../AppContext';
import { selectCurrentPhrase } from '../selectors';

/** "Bar 3" or "Bar 3, second half" for a slot starting at `start`. */
function slotName(start: number, perBar: number): string {
  const bar = Math.floor(start / perBar) + 1;
  return start % perBar === 0 ? `Bar ${bar}` : `Bar ${bar}, second half`;
}

/**
 * The suggested progression for the current phrase, slot by slot: the chosen chord and the next best two (a
 * click picks one), then "Accept chords" (one undo step for the whole progression), "Audition chords" and
 * "Discard chords". Nothing is written into the song before Accept.
 */
export function ChordSuggestion() {
  const actions = useActions();
  const harmony = useAppState((s) => s.proposals.harmony);
  const phrase = useAppState(selectCurrentPhrase);
  const ts = useAppState((s) => s.song.timeSignature);
  const auditioning = useAppState((s) => s.proposals.auditioningId === HARMONY_AUDITION_ID);
  if (!harmony || !phrase) return null;
  const perBar = barSteps(ts);
  const here = harmony.phrases.find((p) => p.phraseId === phrase.id);
  const elsewhere = harmony.phrases.length - (here ? 1 : 0);
  return (
    <section className="chord-suggestion" aria-label="Suggested chords">
      <h3>Suggested chords{here ? '' : ' for other phrases'}</h3>
      {here && (
        <ol className="suggested-slots" aria-label={`Suggested chords of phrase ${phrase.name}`}>
          {here.slots.map((slot) => (
            <li
              key={slot.start}
              className="suggested-slot"
              aria-label={`${slotName(slot.start, perBar)}: ${slot.chosen}`}
            >
              <span className="field-label">{slotName(slot.start, perBar)}</span>{' '}
              {[slot.best, ...slot.alternatives].map((symbol) => (
                <button
                  key={symbol}
                  type="button"
                  className="chip"
                  aria-pressed={slot.chosen === symbol}
                  aria-label={`${symbol} in ${slotName(slot.start, perBar).toLowerCase()}${symbol === slot.best ? ' (best)' : ''}`}
                  onClick={() => actions.chooseSuggestedChord(here.phraseId, slot.start, symbol)}
                >
                  {symbol}
                </button>
              ))}
            </li>
          ))}
        </ol>
      )}
      {elsewhere > 0 && (
        <p className="control-hint">
          Also suggested for {elsewhere} other phrase{elsewhere === 1 ? '' : 's'} of the song; Accept writes them all.
        </p>
      )}
      {!harmony.covered && (
        <p className="control-hint">
          Chosen from all major and minor triads: the key's scale has no usual chords here.
        </p>
      )}
      {!harmony.usedPrior && (
        <p className="control-hint">
          This chord model has no chord-transition counts beside it: the model alone chose.
        </p>
      )}
      <div className="candidate-actions">
        <button type="button" onClick={() => actions.acceptSuggestedChords()}>
          Accept chords
        </button>
        {here && (
          <button
            type="button"
            className="toggle"
            aria-pressed={auditioning}
            onClick={() => void actions.auditionSuggestedChords()}
          >
            Audition chords
          </button>
        )}
        <button type="button" className="ghost" onClick={() => actions.discardSuggestedChords()}>
          Discard chords
        </button>
      </div>
    </section>
  );
}
