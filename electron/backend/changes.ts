/**
 * Every change made through the backend, announced to whoever listens: the browser host streams
 * them to each signed-in page (server-sent events), the desktop sends them to its window, so a
 * change made on one desktop shows on the others within a second or two without a reload.
 */
import type { ChangeEvent } from './dispatch.ts';

export type ChangeListener = (change: ChangeEvent) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: ChangeEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        // One closed page must not stop the news reaching the others.
        console.error('[changes] a listener failed:', error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
