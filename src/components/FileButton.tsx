// A button that opens the file (or folder) picker: reachable by keyboard like any button, where a file input
// hidden behind a label is not. The input itself stays, hidden, named by `inputLabel`.
import { useRef, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** The hidden input's accessible name (what it picks). */
  inputLabel: string;
  onFiles(files: FileList): void;
  accept?: string;
  multiple?: boolean;
  /** Pick a folder (every file under it, with webkitRelativePath). */
  folder?: boolean;
  disabled?: boolean;
  className?: string;
}

export function FileButton({ children, inputLabel, onFiles, accept, multiple, folder, disabled, className }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={inputLabel}
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        {...(folder ? { webkitdirectory: '' } : {})}
        onChange={(e) => {
          if (e.target.files?.length) onFiles(e.target.files);
          e.target.value = ''; // the same file chosen again is read again
        }}
      />
    </>
  );
}
