import type { CoreEvent } from '../../shared/ipc/events';

export type EventListener = (event: CoreEvent) => void;

/** Fan-out of core events to every connected front end (IPC, SSE clients, tests). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: CoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber (a closed window, a dropped SSE socket) must not stop the rest.
      }
    }
  }
}
