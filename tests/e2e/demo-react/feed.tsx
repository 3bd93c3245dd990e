/** @jsxImportSource react */
/**
 * The React demo feed: LinkedIn SDUI-shaped cards rendered by real React 19 (issue 9), bundled by
 * esbuild when the fixture server first serves it (./bundle.ts). Structure after the real capture
 * `linkedin-2026-05_sdui-home-feed_8-items_no-ids.html`: list item keyed `expanded<token>FeedType_…`,
 * the "Feed post" `<h2>`, the "…" menu and hide buttons naming the author, the author's avatar and
 * name links, the time `<p>` with its visibility icon, the text box, counts, the action row, and
 * (only for cards whose page shows their id) the comment bar keyed with the encoded id.
 *
 * Where the ids are (cards.ts): card A in its comment bar key; card B only in React props (the card
 * component's `update.urn`, the action bar's `trackingKey`), never in a DOM attribute or text; card
 * C nowhere. `window.satchelDemo` gives tests what the page shows (`idOf`: the id in the DOM, else
 * null) and which card an element is (`cardOf`).
 */
import { StrictMode, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { COMMENT_TOOLS, MAIN_FEED_TYPE, encodeSduiPostKey } from '../sdui-encode';
import { REACT_DEMO_VARIANTS, type DemoAuthor, type ReactDemoCard, type ReactDemoVariant } from './cards';

declare module 'react' {
  // LinkedIn's SDUI markup keys components with a lowercase `componentkey` attribute.
  interface HTMLAttributes<T> {
    componentkey?: string;
  }
}

const ORIGIN = 'https://www.linkedin.com';
const AVATAR = 'https://media.licdn.com/dms/image/v2/D0000AQPLACEHOLDER/profile-displayphoto-shrink_100_100/0/1?e=2147483647&v=beta&t=PLACEHOLDER_SIGNATURE';

/** A uuid-shaped componentkey, stable per card and slot (LinkedIn's keys look like uuids). */
function uuidOf(token: string, slot: number): string {
  let h = 0x811c9dc5 ^ slot;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of token) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

function Icon({ id, label }: { id: string; label?: string }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" id={id} fill="currentColor" viewBox="0 0 16 16" width="16" height="16" role="img" aria-label={label ?? ''} aria-hidden={label ? undefined : true}>
      <circle cx="8" cy="8" r="6" />
    </svg>
  );
}

/** The header row: the "…" menu and hide buttons that name the author. */
function CardHeader({ author, token }: { author: DemoAuthor; token: string }) {
  return (
    <div componentkey={uuidOf(token, 1)}>
      <button type="button" componentkey={uuidOf(token, 2)} aria-label={`Open control menu for post by ${author.name}`} aria-expanded="false">
        <span>
          <Icon id="overflow-web-ios-small" />
        </span>
      </button>
      <button type="button" componentkey={uuidOf(token, 3)} aria-label={`Hide post by ${author.name}`}>
        <span>
          <Icon id="close-small" />
        </span>
      </button>
    </div>
  );
}

/** Avatar link, name link (name, degree), headline, time with its visibility icon. */
function AuthorBlock({ author, age, token }: { author: DemoAuthor; age: string; token: string }) {
  const href = ORIGIN + author.path;
  return (
    <div className="satchel-demo-author">
      <a tabIndex={0} href={href} componentkey={uuidOf(token, 4)}>
        <figure componentkey={uuidOf(token, 4)}>
          <img alt={`View ${author.name}’s profile`} src={AVATAR} />
        </figure>
      </a>
      <div>
        <div>
          <a tabIndex={0} href={href} componentkey={uuidOf(token, 5)}>
            <div aria-label={`${author.name} 3rd+`}>
              <div>
                <p>{author.name}</p>
              </div>
              <div>
                <p>• 3rd+</p>
              </div>
            </div>
          </a>
        </div>
        <div>
          <p>{author.headline}</p>
        </div>
        <div>
          <p componentkey={uuidOf(token, 6)}>
            {age}
            <span> </span>
            <Icon id="globe-americas-small" label="Visibility: Global" />
          </p>
        </div>
      </div>
    </div>
  );
}

function Text({ paragraphs, token }: { paragraphs: string[]; token: string }) {
  const parts: ReactNode[] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) parts.push(<br key={`a${i}`} />, <br key={`b${i}`} />);
    parts.push(p);
  });
  return (
    <p componentkey={`feed-commentary_${uuidOf(token, 7)}`}>
      <span tabIndex={-1} data-testid="expandable-text-box">
        {parts}
      </span>
    </p>
  );
}

function Counts({ token }: { token: string }) {
  return (
    <div className="satchel-demo-counts">
      <a tabIndex={0} href={`${ORIGIN}/feed/`} componentkey={uuidOf(token, 8)}>
        <ul role="presentation">
          <li>
            <Icon id="like-consumption-ring-small" />
          </li>
        </ul>
        <p>
          <span>12 reactions</span>
        </p>
      </a>
      <div role="button" tabIndex={0} componentkey={uuidOf(token, 9)}>
        <p>
          <span>3 comments</span>
        </p>
      </div>
    </div>
  );
}

/** One action button: icon and word, as LinkedIn's action row draws them. */
function Action({ icon, label, ...attrs }: { icon: string; label: string } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" {...attrs}>
      <span>
        <Icon id={icon} />
        <span>{label}</span>
      </span>
    </button>
  );
}

/**
 * Like / Comment / Repost / Send. `trackingKey` (LinkedIn's `reactionsCount-<urn>`) is a component
 * prop used by the click handlers, as LinkedIn's action components hold it: never a DOM attribute.
 */
function ActionBar({ trackingKey, token }: { trackingKey: string | null; token: string }) {
  const track = (what: string) => () => {
    (window as unknown as { satchelDemoClicks?: string[] }).satchelDemoClicks?.push(`${what}:${trackingKey ? 'tracked' : 'untracked'}`);
  };
  return (
    <div style={{ minHeight: '4.4rem' }} className="satchel-demo-actions">
      <div>
        <div>
          <div>
            <Action icon="thumbs-up-outline-small" label="Like" componentkey={uuidOf(token, 10)} aria-label="Reaction button state: no reaction" onClick={track('like')} />
          </div>
        </div>
        <button type="button" aria-label="Open reactions menu" aria-expanded="false">
          <span>
            <Icon id="chevron-up-small" />
          </span>
        </button>
      </div>
      <Action icon="comment-small" label="Comment" componentkey={uuidOf(token, 11)} onClick={track('comment')} />
      <Action icon="repost-small" label="Repost" componentkey={uuidOf(token, 12)} aria-expanded="false" onClick={track('repost')} />
      <a aria-disabled="false" href={`${ORIGIN}/feed/`} componentkey={uuidOf(token, 13)}>
        <span>
          <Icon id="send-privately-small" />
          <span>Send</span>
        </span>
      </a>
    </div>
  );
}

/** What a card component receives. The post URN only where the page has it (A, B, C-later), never for C. */
interface FeedCardProps {
  /** LinkedIn's update model, as its card components get it; null when this page holds no id. */
  update: { urn: string } | null;
  token: string;
  author: DemoAuthor;
  age: string;
  paragraphs: string[];
  /** The comment bar's componentkey (the encoded id), or null when the DOM shows no id. */
  commentToolsKey: string | null;
}

/** The card component: renders the list item itself, so its props sit right above the card's element. */
function FeedCard({ update, token, author, age, paragraphs, commentToolsKey }: FeedCardProps) {
  const key = `expanded${token}${MAIN_FEED_TYPE}`;
  return (
    <div role="listitem" componentkey={key} className="satchel-demo-card">
      <div data-display-contents="true">
        <div componentkey={token}>
          <h2>
            <span>Feed post</span>
            <span aria-hidden="true"></span>
          </h2>
          <CardHeader author={author} token={token} />
          <hr role="presentation" />
          <AuthorBlock author={author} age={age} token={token} />
          <Text paragraphs={paragraphs} token={token} />
          <Counts token={token} />
          <hr role="presentation" />
          <ActionBar trackingKey={update ? `reactionsCount-${update.urn}` : null} token={token} />
        </div>
      </div>
      {commentToolsKey ? <div componentkey={commentToolsKey}></div> : null}
    </div>
  );
}

/** The props a card gets: built here so a card whose page has no id never receives it. */
function propsOf(card: ReactDemoCard): FeedCardProps {
  return {
    update: card.idIn === 'none' ? null : { urn: card.urn },
    token: card.token,
    author: card.author,
    age: card.age,
    paragraphs: card.paragraphs,
    commentToolsKey: card.idIn === 'dom' ? `${encodeSduiPostKey(card.urn)}${COMMENT_TOOLS}${card.token}${MAIN_FEED_TYPE}` : null,
  };
}

function FeedItem({ card }: { card: FeedCardProps }) {
  return (
    <div data-display-contents="true">
      <div>
        <div componentkey={`expanded${card.token}${MAIN_FEED_TYPE}`}>
          <FeedCard {...card} />
        </div>
      </div>
    </div>
  );
}

function App({ cards }: { cards: FeedCardProps[] }) {
  return (
    <div role="main" data-sdui-screen="com.linkedin.sdui.flagshipnav.feed.MainFeed">
      <main id="workspace" tabIndex={0}>
        <div role="list" data-testid="mainFeed" data-component-type="LazyColumn" componentkey="container-update-list_mainFeed-lazy-container">
          {cards.map((c) => (
            <FeedItem key={c.token} card={c} />
          ))}
        </div>
      </main>
    </div>
  );
}

const param = new URLSearchParams(location.search).get('satchel-demo');
const variant: ReactDemoVariant = param === 'react-later' ? 'react-later' : 'react';
const cards: readonly ReactDemoCard[] = REACT_DEMO_VARIANTS[variant];
const byToken = new Map(cards.map((c) => [c.token, c]));
const ROOT_SELECTOR = '[role="listitem"][componentkey*="FeedType_"]';
const cardAt = (el: Element): ReactDemoCard | undefined => {
  const key = el.closest(ROOT_SELECTOR)?.getAttribute('componentkey') ?? '';
  return byToken.get(key.replace(/^expanded/, '').replace(/FeedType_.*$/, ''));
};
/** The id the page's DOM shows for a card (its comment bar key), else null (B, C). */
const shownIdOf = (el: Element): string | null => {
  const c = cardAt(el);
  return c && c.idIn === 'dom' ? c.urn : null;
};

(window as unknown as { satchelDemo: unknown }).satchelDemo = {
  variant,
  total: cards.length,
  rendered: () => document.querySelectorAll(ROOT_SELECTOR).length,
  idOf: shownIdOf,
  postIds: () => Array.from(document.querySelectorAll(ROOT_SELECTOR)).map(shownIdOf),
  /** Which demo card (A, B, C, C-later, D) an element belongs to. */
  cardOf: (el: Element) => cardAt(el)?.name ?? null,
};

createRoot(document.getElementById('satchel-demo-react')!).render(
  <StrictMode>
    <App cards={cards.map(propsOf)} />
  </StrictMode>,
);
