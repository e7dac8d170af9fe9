import { useState } from 'react';

/** Copies an exact value (a claim name) to the clipboard and says so. */
export function CopyButton({
  value,
  label,
  text = 'Copy',
}: {
  value: string;
  label: string;
  /** The visible words; `label`, the accessible name, starts with them (axe: label in name). */
  text?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 1500);
  };
  const shown = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : text;
  return (
    <button
      type="button"
      className="small-button"
      aria-label={state === 'idle' ? label : `${shown}: ${label}`}
      onClick={() => void copy()}
    >
      {shown}
    </button>
  );
}
