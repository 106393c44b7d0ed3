import { useRef, type ReactNode } from 'react';

/**
 * A button that opens the browser's file chooser. The file input itself is hidden and out of the tab
 * order, so keyboard and screen-reader users meet one ordinary button.
 */
export function FilePickerButton({
  accept,
  onFile,
  children,
}: {
  accept: string;
  onFile(file: File): void;
  children: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file may be chosen again
          if (file) onFile(file);
        }}
      />
    </>
  );
}
