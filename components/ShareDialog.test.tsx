import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, cleanup, screen, waitFor } from '@testing-library/preact';
import { ShareDialog } from './ShareDialog';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);

const targets = [
  { scopeId: 'team:a', name: 'Cohort A', collections: [{ id: 'c1', name: 'Retros' }] },
  { scopeId: 'team:b', name: 'Leads', collections: [] },
];

/** The text of the elements `el`'s aria-describedby names. */
const describedBy = (el: Element) => el.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent).join(' ');

describe('ShareDialog', () => {
  it('shares into the chosen team and collection with the note, then closes', async () => {
    const onShare = vi.fn(async () => {});
    const onClose = vi.fn();
    render(<ShareDialog targets={targets} initialNote="my note" t={t} onShare={onShare} onClose={onClose} />);
    expect(screen.getByRole('dialog', { name: 'Share to a team' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Team collection'), { target: { value: 'c1' } });
    fireEvent.input(screen.getByLabelText('Why is this worth reading?'), { target: { value: 'Read before Friday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onShare).toHaveBeenCalledWith('team:a', 'c1', 'Read before Friday', false);
  });

  it('shares a question to discuss: the box starts ticked for a question and the note becomes the question', async () => {
    const onShare = vi.fn(async () => {});
    render(<ShareDialog targets={targets} initialNote={null} initialQuestion t={t} onShare={onShare} onClose={() => {}} />);
    const box = screen.getByLabelText('Ask the team: share as a question to discuss') as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.input(screen.getByLabelText('Your question for the team'), { target: { value: 'Has anyone tried this with new starters?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(onShare).toHaveBeenCalledWith('team:a', null, 'Has anyone tried this with new starters?', true));
  });

  it('unticking the question box shares an ordinary capture with its "why"', async () => {
    const onShare = vi.fn(async () => {});
    render(<ShareDialog targets={targets} initialNote="note" initialQuestion t={t} onShare={onShare} onClose={() => {}} />);
    fireEvent.click(screen.getByLabelText('Ask the team: share as a question to discuss'));
    expect(screen.getByLabelText('Why is this worth reading?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(onShare).toHaveBeenCalledWith('team:a', null, 'note', false));
  });

  it('shows why sharing failed and stays open', async () => {
    const onClose = vi.fn();
    render(<ShareDialog targets={targets} initialNote={null} t={t} onShare={async () => { throw new Error('viewers cannot share into Leads'); }} onClose={onClose} />);
    // The team is a group of radio cards (issue 12: styled like the other dialogs, not a native select).
    fireEvent.click(screen.getByRole('radio', { name: /Leads/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    expect((await screen.findByRole('alert')).textContent).toContain('viewers cannot share');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('offers the teams as radio cards named by the team, each described by its collection count; the collection picker appears for a team with collections', () => {
    render(<ShareDialog targets={targets} initialNote={null} t={t} onShare={vi.fn(async () => {})} onClose={() => {}} />);
    const group = screen.getByRole('group', { name: 'Team' });
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => (r as HTMLInputElement).checked)).toEqual([true, false]);
    const a = screen.getByRole('radio', { name: 'Cohort A' });
    expect(group.contains(a)).toBe(true);
    expect(describedBy(a)).toBe('1 collection');
    expect(describedBy(screen.getByRole('radio', { name: 'Leads' }))).toBe('0 collections');
    expect(screen.getByLabelText('Team collection').tagName).toBe('SELECT');
    fireEvent.click(screen.getByRole('radio', { name: 'Leads' }));
    expect(screen.queryByLabelText('Team collection')).toBeNull();
    expect(screen.getByLabelText('Ask the team: share as a question to discuss')).toBeTruthy();
  });
});
