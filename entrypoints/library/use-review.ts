import { useState } from 'preact/hooks';
import type { Capture } from '../../lib/schema';
import { byId, focusAfterRender } from './focus';
import * as data from './data';

/** DOM id of the toolbar's Review button: leaving Review puts focus back on it. */
export const REVIEW_BUTTON_ID = 'lib-start-review';

/** The Review mode of the library: its queue and where the learner is in it. */
export interface ReviewState {
  mode: 'list' | 'review';
  /** The capture under review (null: none left). */
  capture: Capture | null;
  /** 1-based position and total of this session. */
  position: number;
  total: number;
  /** Starts a session over the captures waiting for review, oldest first. */
  start: () => void;
  /** Goes to the next capture of the queue. */
  next: () => void;
  /** Back to the list; focus goes to the Review button that started it (issue 12). */
  exit: () => void;
  /** Back to the list without moving focus (the learner chose a collection). */
  toList: () => void;
}

/** The Review mode over `captures` (read when a session starts). */
export function useReview(captures: () => Iterable<Capture>, byCaptureId: (id: string) => Capture | null): ReviewState {
  const [mode, setMode] = useState<'list' | 'review'>('list');
  const [review, setReview] = useState<{ queue: string[]; pos: number }>({ queue: [], pos: 0 });
  const id = review.queue[review.pos] ?? null;
  return {
    mode,
    capture: mode === 'review' && id ? byCaptureId(id) : null,
    position: review.pos + 1,
    total: review.queue.length,
    start: () => {
      setReview({ queue: data.reviewQueue(captures()), pos: 0 });
      setMode('review');
    },
    next: () => setReview((r) => ({ ...r, pos: r.pos + 1 })),
    exit: () => {
      setMode('list');
      focusAfterRender(() => byId(REVIEW_BUTTON_ID));
    },
    toList: () => setMode('list'),
  };
}
