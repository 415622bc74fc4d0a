/**
 * The benches measure the app as a dispatcher uses it: signed in. A backend opened here has its
 * first dispatcher and makes every call as them; a page signs in through the browser host.
 */
import type { Page } from 'playwright';
import { openBackend, type Backend, type BackendOptions } from '../../electron/backend/backend.ts';
import { setUpDispatcher, signedIn, TEST_DISPATCHER } from '../support/backend.ts';

export async function openSignedInBackend(options: BackendOptions): Promise<Backend> {
  const backend = await openBackend(options);
  return signedIn(backend, await setUpDispatcher(backend));
}

/** Signs the page's browser context in (the cookie), as the dispatcher the backend was given. */
export async function signInPage(page: Page, hostUrl: string): Promise<void> {
  const response = await page.request.post(`${hostUrl}api/auth%2FsignIn`, { data: { username: TEST_DISPATCHER.username, password: TEST_DISPATCHER.password } });
  if (!((await response.json()) as { ok: boolean }).ok) throw new Error('the bench dispatcher could not sign in');
}

/** A session cookie for plain HTTP requests to the browser host. */
export async function sessionCookie(hostUrl: string): Promise<string> {
  const response = await fetch(`${hostUrl}api/auth%2FsignIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: TEST_DISPATCHER.username, password: TEST_DISPATCHER.password }),
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
