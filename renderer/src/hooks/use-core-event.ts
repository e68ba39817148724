import { useEffect, useEffectEvent } from 'react';
import type { CoreEvent } from '../../../shared/ipc/events';
import { api } from '../api';

/** Subscribes for the component's lifetime; the listener always sees the latest props/state. */
export function useCoreEvent(listener: (event: CoreEvent) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => api.onEvent((event) => onEvent(event)), []);
}
