import { useEffect, useState } from 'preact/hooks';
import type { CaptureHealth } from '../../lib/messages/to-content';

/** What {@link usePageHealth} knows: the health (null when no content script answers) once `settled`. */
export interface PageHealthState {
  health: CaptureHealth | null;
  /** False until `read` has answered or failed (the popup marks its root with it, for tests and tools). */
  settled: boolean;
}

/**
 * This page (issue 9 part 3): the active tab's capture health from `read` (null until it answers,
 * or when no content script answers), kept whole for what else the popup may show about the page.
 */
export function usePageHealth(read: () => Promise<CaptureHealth | null>): PageHealthState {
  const [page, setPage] = useState<PageHealthState>({ health: null, settled: false });
  useEffect(() => {
    let open = true;
    read().then(
      (h) => open && setPage({ health: h, settled: true }),
      (e: unknown) => {
        console.warn('[satchel] popup could not read the page health', e);
        if (open) setPage({ health: null, settled: true });
      },
    );
    return () => {
      open = false;
    };
  }, [read]);
  return page;
}
