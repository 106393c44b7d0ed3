import { useEffect, useRef } from 'react';

/** The share link in a read-only field, selected for copying, with what happened to the clipboard. */
export function ShareLinkField({ url, copied, onClose }: { url: string; copied: boolean; onClose(): void }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.select(), [url]);
  return (
    <div className="share-link" role="group" aria-label="Share this song">
      <label className="field share-field">
        <span className="field-label">Link to this song</span>
        <input ref={field} type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
      </label>
      <span role="status" className="field-reason">
        {copied ? 'Copied to the clipboard.' : 'Copy the link from the field.'} Anyone opening it gets the song as a new
        song.
      </span>
      <button type="button" className="ghost" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
