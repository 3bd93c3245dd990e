import { useEffect, useState } from 'preact/hooks';
import type { CaptureHealth } from '../../lib/messages/to-content';

/**
 * This page (issue 9 part 3): the active tab's capture health from `read` (null until it answers,
 * or when no content script answers), kept whole for what else the popup may show about the page.
 */
export function usePageHealth(read: () => Promise<CaptureHealth | null>): CaptureHealth | null {
  const [page, setPage] = useState<CaptureHealth | null>(null);
  useEffect(() => {
    let open = true;
    read().then((h) => open && setPage(h), (e: unknown) => console.warn('[satchel] popup could not read the page health', e));
    return () => {
      open = false;
    };
  }, [read]);
  return page;
}
