import type { SiteAdapter } from '../types';
import { SITE_MATCHES } from '../matches';
import { ExtractError } from '../types';

/** STUB: replaced by the real adapter. */
export const linkedinAdapter: SiteAdapter = {
  id: 'linkedin',
  matches: SITE_MATCHES.linkedin,
  isSupportedPage: () => false,
  findPosts: () => [],
  postId: () => null,
  extract: () => { throw new ExtractError('linkedin', 'post', 'stub'); },
  actionRow: () => null,
};
