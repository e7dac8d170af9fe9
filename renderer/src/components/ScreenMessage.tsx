/**
 * The one line at the top of a screen that says how the last action went: what was saved or
 * connected, or why it failed. `act` runs an action and turns its failure into that line.
 */
import { useState } from 'react';
import { errorText } from '../api';

export interface ScreenMessageValue {
  tone: 'good' | 'bad';
  text: string;
}

export function useScreenMessage() {
  const [message, setMessage] = useState<ScreenMessageValue | null>(null);
  const act = async (action: () => Promise<void>) => {
    setMessage(null);
    try {
      await action();
    } catch (failure) {
      setMessage({ tone: 'bad', text: errorText(failure) });
    }
  };
  return { message, setMessage, act };
}

export function ScreenMessage({ message }: { message: ScreenMessageValue | null }) {
  if (!message) return null;
  return (
    <p className={`alert alert-${message.tone}`} role="alert">
      {message.text}
    </p>
  );
}
