import { describe, it, expect, afterEach } from 'vitest';
import { render, cleanup, fireEvent, screen } from '@testing-library/preact';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';
import { XSS_PAYLOADS, UNSAFE_URLS } from '../../tests/helpers/xss-payloads';
import { Discussion } from './Discussion';
import { QuestionBlock } from './QuestionBlock';
import { indexMembers } from './members';
import { comment, thread, reactions, viewerOf } from './testing';

// Issue 11 "XSS": the corpus through comment bodies, member names (authors, mentions, who reacted)
// and the question: nothing but our own markup is created, no on* attribute, every link is http(s).

const t = makeTranslate(null, en);
afterEach(cleanup);
const OUR_TAGS = new Set(['DIV', 'SECTION', 'H3', 'H4', 'P', 'SPAN', 'STRONG', 'TIME', 'BUTTON', 'OL', 'UL', 'LI', 'ARTICLE', 'HEADER', 'A', 'TEXTAREA', 'BDI']);

function assertInert(root: Element) {
  for (const el of root.querySelectorAll('*')) {
    expect(OUR_TAGS.has(el.tagName), `unexpected <${el.tagName.toLowerCase()}>`).toBe(true);
    for (const a of el.attributes) expect(a.name.startsWith('on'), `attribute ${a.name}`).toBe(false);
    if (el.tagName === 'A') {
      expect(el.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(el.getAttribute('rel')).toBe('noopener noreferrer');
    }
  }
}

describe('XSS corpus through the discussion', () => {
  const members = XSS_PAYLOADS.map((p, i) => ({ userId: `u-${i}`, displayName: p }));
  const bodies = [...XSS_PAYLOADS, ...UNSAFE_URLS.map((u) => `see ${u} and https://ok.example/a`)];
  const comments = bodies.map((p, i) =>
    comment({
      authorUserId: `u-${i % XSS_PAYLOADS.length}`,
      body: `${p}\n@${members[i % members.length]!.displayName} ${p}`,
      mentions: [`u-${i % members.length}`],
      reactions: reactions({ useful: [`u-${(i + 1) % members.length}`] }),
      replies: [comment({ body: p, parentId: 'x', authorUserId: `u-${(i + 2) % members.length}` })],
    }),
  );

  it('bodies, names and mentions render as text; only http(s) links', () => {
    const th = thread(comments);
    const { container } = render(
      <Discussion thread={th} members={members} viewer={viewerOf('u-0', { teamOwner: true })} isQuestion question={XSS_PAYLOADS[1]!} now={Date.now()} onAdd={async () => {}} onEdit={async () => {}} onDelete={async () => {}} onReact={async () => {}} onMarkAnswered={async () => {}} t={t} />,
    );
    for (const b of screen.getAllByRole('button', { name: /Useful|Thanks/ })) fireEvent.focus(b);
    assertInert(container);
    for (const p of XSS_PAYLOADS) expect(container.textContent).toContain(p);
    expect(container.querySelectorAll('.mention').length).toBeGreaterThan(0);
    const hrefs = new Set([...container.querySelectorAll('a')].map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(new Set(['https://ok.example/a', 'http://evil.example/']));
  });

  it('the question and the pinned answer', () => {
    for (const p of XSS_PAYLOADS) {
      const { container } = render(<QuestionBlock question={p} answer={comment({ body: p, authorUserId: 'u-2' })} names={indexMembers(members)} now={Date.now()} t={t} />);
      assertInert(container);
      expect(container.textContent).toContain(p);
      cleanup();
    }
  });
});
