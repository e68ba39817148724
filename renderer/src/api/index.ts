import { createApi } from '../../../shared/ipc/client';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { preload } from './preload';
import { watchProjectAvailability } from './project-unavailable';

/** The one way the UI reaches the core, whichever host it runs in. */
export const api = createApi(watchProjectAvailability(preload ? createIpcTransport(preload) : createHttpTransport()));

export { preload };
