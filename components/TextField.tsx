import { useEffect, useRef, useState } from 'preact/hooks';

/** Props of {@link TextField}. */
export interface TextFieldProps {
  label: string;
  /** Stored value; null = empty. */
  value: string | null;
  /** Called on blur (and Ctrl/Cmd+Enter) when the text changed; empty text → null. */
  onCommit: (value: string | null) => void;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  testId?: string;
  /** A short confirmation shown after a commit ("Saved"). */
  savedText?: string;
}

/**
 * A labelled multi-line plain-text field that keeps line breaks and commits on blur, so typing is
 * never interrupted by storage round trips. Follows `value` when it changes from outside.
 */
export function TextField({ label, value, onCommit, placeholder, rows = 3, maxLength = 20_000, testId, savedText }: TextFieldProps) {
  const [text, setText] = useState(value ?? '');
  const [saved, setSaved] = useState(false);
  const sent = useRef(value ?? '');
  useEffect(() => {
    sent.current = value ?? '';
    setText(value ?? '');
  }, [value]);
  const commit = () => {
    if (text === sent.current) return;
    sent.current = text;
    onCommit(text.trim() ? text : null);
    setSaved(true);
  };
  return (
    <label class="field">
      <span class="field__label">{label}</span>
      <textarea
        class="input"
        dir="auto"
        rows={rows}
        maxLength={maxLength}
        placeholder={placeholder}
        value={text}
        data-testid={testId}
        onInput={(e) => {
          setText((e.currentTarget as HTMLTextAreaElement).value);
          setSaved(false);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
        }}
      />
      {savedText ? <span class="field__status" aria-live="polite">{saved ? savedText : ''}</span> : null}
    </label>
  );
}
