import type { SatchelDb } from '../lib/db';
import type { Translate } from '../lib/util/i18n';

/** Props of {@link ImportResumeBanner}. */
export interface ImportResumeBannerProps {
  db: SatchelDb;
  t: Translate;
  locale?: string;
  /** Called after a resumed import stored its rows: the library reloads captures and collections. */
  onImported: () => Promise<void>;
}

/**
 * The library's notice of an import that stopped part way ("Import of <file> stopped at 1,000 of
 * 5,000 — Resume"); renders nothing when no import is unfinished. (Contract for issue 12; the
 * import work fills it in.)
 */
export function ImportResumeBanner(_props: ImportResumeBannerProps) {
  return null;
}
