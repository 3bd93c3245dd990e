/**
 * The cards of the React demo feed (tests/e2e/demo-react/feed.tsx), shared by the page bundle and
 * the e2e specs. No Node APIs: esbuild bundles this module for the browser.
 *
 * Three ways a LinkedIn SDUI card can carry its id (issue 9, docs/sites/linkedin.md "Post id"):
 * - A: the comment bar's `componentkey` encodes it (the normal path, decoded by the adapter);
 * - B: the DOM holds no id at all, but React props do (`update.urn` of the card component and
 *   `trackingKey="reactionsCount-<urn>"` of its action bar; component props, never DOM attributes):
 *   only the MAIN-world probe finds it;
 * - C: no id in the DOM nor in React props: saved id-less (content key, `permalinkMissing`).
 *   The "later" page shows C's post again (same author, same text) with its id encoded, for the
 *   quiet merge.
 */

/** A LinkedIn post id whose time (`id >> 22` ms) is `iso`, with `low` in its low 22 bits. */
function idAt(iso: string, low: number): string {
  return ((BigInt(Date.parse(iso)) << 22n) | BigInt(low)).toString();
}

export interface DemoAuthor {
  name: string;
  /** Profile path, e.g. `/in/member-p/`. */
  path: string;
  headline: string;
}

export interface ReactDemoCard {
  /** A, B, C, … (the demo's own name; never rendered into an attribute). */
  name: string;
  /** The card's componentkey token (`expanded<token>FeedType_…`). */
  token: string;
  /** The post's URN: the real id of the post, wherever (or whether) the page shows it. */
  urn: string;
  /** Where the page holds the id: comment bar key, React props only, or nowhere. */
  idIn: 'dom' | 'props' | 'none';
  author: DemoAuthor;
  /** "5h •" */
  age: string;
  /** Post text paragraphs (joined with blank lines, `<br>`s in the DOM). */
  paragraphs: string[];
}

/** A card; its post id is made from the post time `at` and `low` (see {@link idAt}). */
function card(name: string, token: string, idIn: ReactDemoCard['idIn'], at: string, low: number, author: DemoAuthor, age: string, paragraphs: string[]): ReactDemoCard {
  return { name, token, urn: `urn:li:activity:${idAt(at, low)}`, idIn, author, age, paragraphs };
}

const MEMBER_R: DemoAuthor = { name: 'Member R', path: '/in/member-r/', headline: 'Learning designer | Onboarding' };

export const REACT_A = card('A', 'VWFTuZybOcCjHr5QhoKWP8KmonckOxsLsFPMK1Q2UUw', 'dom', '2026-12-06T08:12:00Z', 101,
  { name: 'Member P', path: '/in/member-p/', headline: 'Support lead | Knowledge base' }, '2h •',
  ['Our support team cut repeat tickets by a third with one habit: every answer we send twice becomes a help article the same day.']);

export const REACT_B = card('B', '3IMYA_tYGz_zH_29F7bK05KM6UtqHyTIlsM6a2BrXz8', 'props', '2026-12-06T07:40:00Z', 202,
  { name: 'Member Q', path: '/in/member-q/', headline: 'Engineering manager' }, '3h •',
  ['Pairing new hires with a "first-week buddy" who is not their manager was the single best change to our onboarding this year.', 'Questions they would never ask a manager get asked.']);

export const REACT_C = card('C', 'Tr69fjnmyVgIVAy9wrWR2qRkaVtWQywd87sL1zHg29w', 'none', '2026-12-05T16:05:00Z', 303, MEMBER_R, '18h •', [
  'Three questions I ask before building any training module: who needs it, what will they do differently, and how will we know?',
  'Answer those first and half the slides write themselves.',
]);

/** C's post on the later page: a new render (its own token) whose comment bar encodes its id. */
export const REACT_C_LATER: ReactDemoCard = { ...REACT_C, name: 'C-later', token: 'cprsbnRnGqv-s-JJYZFNdpPgh8bqogxXn0AJyDQVlyM', idIn: 'dom', age: '19h •' };

/** Another post on the later page (with its id), so C's post is not the only card there. */
export const REACT_D = card('D', 'qtFVCRGUZ6pZO1UnRs0_8qelLaIAY5TO1GecredEaQo', 'dom', '2026-12-06T06:30:00Z', 404,
  { name: 'Member S', path: '/in/member-s/', headline: 'People operations' }, '4h •',
  ['Reminder: the quarterly compliance course closes on Friday. It takes about twenty minutes.']);

/** The React demo's variants: `?satchel-demo=<variant>` on the LinkedIn feed URL. */
export const REACT_DEMO_VARIANTS = {
  react: [REACT_A, REACT_B, REACT_C],
  'react-later': [REACT_D, REACT_C_LATER],
} as const satisfies Record<string, readonly ReactDemoCard[]>;
export type ReactDemoVariant = keyof typeof REACT_DEMO_VARIANTS;
