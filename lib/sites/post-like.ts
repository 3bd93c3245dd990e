/**
 * Capture health's probe table (issue 9 part 3): per site, the elements of a page that look like
 * posts, found by other signals than the adapter's post finder (each site's `layout.ts`). Kept out of
 * the adapters so that no content script carries it: only the health probe script the popup injects
 * when it opens (entrypoints/health-probe.ts) imports this file (docs/reporting-a-page.md "This page").
 */
import type { SiteAdapter } from './types';
import type { SiteId } from './meta';
import { postLike as linkedin } from './linkedin/layout';
import { postLike as x } from './x/layout';
import { postLike as yammer } from './yammer/layout';

/** Elements of a document that look like posts, each once; pure. */
export type PostLike = (doc: Document) => Element[];

/** Every site's {@link PostLike} probe. */
export const POST_LIKE: Record<SiteId, PostLike> = { linkedin, x, yammer };

/**
 * How many of the elements `postLike(doc)` finds neither hold nor sit in a post root of
 * `a.findPosts(doc)`: posts on the page that Satchel did not recognise (the worst site change is the
 * one after which no post is found at all, and nothing else would say so). 0 when the probe throws.
 * Walks the whole page: for the popup's question, never per DOM change.
 */
export function unrecognisedPosts(a: SiteAdapter, doc: Document, postLike: PostLike = POST_LIKE[a.id]): number {
  try {
    const like = postLike(doc);
    if (like.length === 0) return 0;
    const roots = a.findPosts(doc);
    return like.filter((p) => !roots.some((r) => r.contains(p) || p.contains(r))).length;
  } catch {
    return 0;
  }
}
