import { createApi } from '../../../shared/ipc/client';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { preload } from './preload';

/** The one way the UI reaches the core, whichever host it runs in. */
export const api = createApi(preload ? createIpcTransport(preload) : createHttpTransport());

export { preload };
