import { useEffect, useId, useRef, useState } from 'react';
import { QrCode } from './QrCode';

/** Copies `text`: the Clipboard API where allowed, else the selected field with execCommand. */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/**
 * A link to hand on: a full-width read-only field named `label`, a Copy button (named "Copy <label>",
 * saying "Copied" once done) and a QR code to show on a projector.
 */
export function LinkField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  // The copy state belongs to the link it was made for: a new link reads as not copied yet.
  const [copy, setCopy] = useState<{ of: string; state: 'no' | 'yes' | 'failed' }>({ of: value, state: 'no' });
  const copied = copy.of === value ? copy.state : 'no';
  const setCopied = (state: 'no' | 'yes' | 'failed') => setCopy({ of: value, state });
  const [qr, setQr] = useState(false);
  useEffect(() => {
    if (copied !== 'yes') return;
    const timer = setTimeout(() => setCopy({ of: value, state: 'no' }), 2500);
    return () => clearTimeout(timer);
  }, [copied, value]);
  const what = label.toLowerCase();
  return (
    <div className="link-field">
      <label className="link-field-label" htmlFor={id}>
        {label}
      </label>
      <div className="link-field-row">
        <input id={id} ref={field} type="text" readOnly value={value} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="copy-button"
          aria-label={`Copy ${what}${copied === 'yes' ? ' (copied)' : ''}`}
          onClick={() => void copyText(value, field.current).then((ok) => setCopied(ok ? 'yes' : 'failed'))}
        >
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" aria-pressed={qr} className="toggle" onClick={() => setQr((q) => !q)}>
          QR code
        </button>
      </div>
      {copied === 'failed' && <p role="alert">Could not copy the {what}: select it and copy it yourself.</p>}
      {qr && <QrCode text={value} label={`QR code of the ${what}`} />}
    </div>
  );
}
