import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/*
 * Defence in depth for every web contents the app ever creates: the page is our own code,
 * but it renders user data (file names, imported text), so an injection must not be able to
 * open windows, navigate elsewhere, embed content, use device permissions or reach the
 * network. The app needs no network access at run time.
 */

function harden(contents: WebContents): void {
  // No popups at all: the app has a single window and shows everything inside it.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: Electron.Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call once, when `app` is ready and before any window is created. */
export function installSecurityPolicies(): void {
  app.on('web-contents-created', (_event, contents) => harden(contents));

  const ses = session.defaultSession;
  // Writing to the clipboard (e.g. a "复制路径" button) is harmless and useful; nothing else
  // (camera, notifications, geolocation, HID, …) is ever granted.
  const allowed = (permission: string, origin: string) =>
    permission === 'clipboard-sanitized-write' && isAppUrl(origin);
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    callback(allowed(permission, contents.getURL()));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);

  // Belt and braces to the CSP: cancel any request that would leave the machine.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}
