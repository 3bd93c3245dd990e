import type { SiteAdapter } from '../types';
import { SITE_MATCHES } from '../matches';
import { ExtractError } from '../types';

/** STUB: replaced by the real adapter. */
export const xAdapter: SiteAdapter = {
  id: 'x',
  matches: SITE_MATCHES.x,
  isSupportedPage: () => false,
  findPosts: () => [],
  postId: () => null,
  extract: () => { throw new ExtractError('x', 'post', 'stub'); },
  actionRow: () => null,
};
