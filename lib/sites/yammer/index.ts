import type { SiteAdapter } from '../types';
import { SITE_MATCHES } from '../matches';
import { ExtractError } from '../types';

/** STUB: replaced by the real adapter. */
export const yammerAdapter: SiteAdapter = {
  id: 'yammer',
  matches: SITE_MATCHES.yammer,
  isSupportedPage: () => false,
  findPosts: () => [],
  postId: () => null,
  extract: () => { throw new ExtractError('yammer', 'post', 'stub'); },
  actionRow: () => null,
};
