/**
 * Errors that clear on the next action (issue 12: a bad invite code's error stayed on screen after
 * a later success elsewhere on the page). Every action's error line uses {@link useActionError};
 * starting an action (setting its error to null) clears the error lines of every other action.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

const bus = new EventTarget();
const STARTED = 'satchel-action-started';

/**
 * An action's error state, like `useState<E | null>(null)`, with one difference: `set(null)` (what
 * an action does when it starts) also clears every other action's error on the page, and theirs
 * clear this one.
 */
export function useActionError<E>(): [E | null, (e: E | null) => void] {
  const [error, setError] = useState<E | null>(null);
  const self = useRef({});
  useEffect(() => {
    const onStart = (ev: Event) => {
      if ((ev as CustomEvent<object>).detail !== self.current) setError(null);
    };
    bus.addEventListener(STARTED, onStart);
    return () => bus.removeEventListener(STARTED, onStart);
  }, []);
  const set = (e: E | null) => {
    if (e === null) bus.dispatchEvent(new CustomEvent(STARTED, { detail: self.current }));
    setError(e);
  };
  return [error, set];
}
