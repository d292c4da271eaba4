import type { HitungOutcome } from "./hitung";

/**
 * In the shared runtime the ribbon's Hitung Capaian and the pane live in one page: the ribbon hands
 * its outcome to the pane here. The last outcome is kept for a pane that mounts after it was sent.
 */
type Listener = (outcome: HitungOutcome) => void;

let listener: Listener | null = null;
let waiting: HitungOutcome | null = null;

export function publishOutcome(outcome: HitungOutcome): void {
  if (listener) listener(outcome);
  else waiting = outcome;
}

/** The pane listens while it is mounted; returns the function that stops listening. */
export function onOutcome(next: Listener): () => void {
  listener = next;
  if (waiting) {
    const outcome = waiting;
    waiting = null;
    next(outcome);
  }
  return () => {
    if (listener === next) listener = null;
  };
}
