/** The running WAV export: what is happening, a progress bar and Cancel. */
export function WavExportDialog({ progress, onCancel }: { progress: number; onCancel(): void }) {
  const percent = Math.round(progress * 100);
  return (
    <div className="export-dialog" role="dialog" aria-label="Export WAV" aria-modal="false">
      <p className="export-dialog-title">Rendering the song to WAV (44.1 kHz, 16-bit, stereo)…</p>
      <div
        className="progress"
        role="progressbar"
        aria-label="WAV export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-text" aria-hidden="true">
        {percent}%
      </span>
      <button type="button" autoFocus onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
