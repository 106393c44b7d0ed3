import { useActions, useAppState } from '../AppContext';
import { NumberField } from './NumberField';

/**
 * Settings of the moves beyond Propose: how many continuations a fill samples per candidate it shows, and
 * whether a candidate that ends its phrase ends on a cadence.
 */
export function FillSettings() {
  const actions = useActions();
  const oversample = useAppState((s) => s.proposals.settings.fillOversample);
  const cadence = useAppState((s) => s.proposals.settings.endOnCadence);
  return (
    <div className="fill-controls" role="group" aria-label="Fill and ending settings">
      <NumberField
        label="Fill over-sampling"
        value={oversample}
        min={1}
        max={8}
        onCommit={(v) => actions.setProposalSettings({ fillOversample: v })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={cadence}
          onChange={(e) => actions.setProposalSettings({ endOnCadence: e.target.checked })}
        />
        End on a cadence
      </label>
    </div>
  );
}
