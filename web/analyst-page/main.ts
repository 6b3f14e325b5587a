import { ApiError, graphql } from './api.js';
import { list, obj, str } from './decode.js';
import { byId, show } from './dom.js';
import { startCharts } from './charts.js';
import { startLapses } from './lapses.js';
import { openResident, startLookup } from './lookup.js';
import { forgetToken, storeToken, storedToken } from './session.js';

/**
 * The analyst page: sign in with a bearer token, then the lookup, the lapse list and the charts,
 * all over the GraphQL API of the register that serves the page.
 */

/** A query every analyst may ask and that reads no personal data: it proves the token. */
const PROBE = '{ statistics(groupBy: STATUS_OF_RESIDENCE) { key } }';

const signIn = byId('signin', HTMLElement);
const app = byId('app', HTMLDivElement);
const nav = byId('nav', HTMLElement);
const account = byId('account', HTMLDivElement);
const signInError = byId('signin-error', HTMLParagraphElement);
const tokenInput = byId('token', HTMLInputElement);

let started = false;

const showSignedIn = (signedIn: boolean): void => {
  show(signIn, !signedIn);
  show(app, signedIn);
  show(nav, signedIn);
  show(account, signedIn);
};

const signOut = (message: string): void => {
  forgetToken();
  showSignedIn(false);
  signInError.textContent = message;
  tokenInput.focus();
};

const start = (): void => {
  showSignedIn(true);
  if (started) return;
  started = true;
  const expired = (): void => signOut('Your token is no longer accepted. Sign in again.');
  startLookup(expired);
  startLapses(expired, openResident);
  startCharts(expired);
};

byId('signin-form', HTMLFormElement).addEventListener('submit', (event) => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  signInError.textContent = 'Signing in…';
  void graphql(PROBE, {}, obj({ statistics: list(obj({ key: str })) }), token)
    .then(() => {
      storeToken(token);
      tokenInput.value = '';
      signInError.textContent = '';
      start();
      byId('query', HTMLInputElement).focus();
    })
    .catch((error: unknown) => {
      tokenInput.setAttribute('aria-invalid', 'true');
      signInError.textContent =
        error instanceof ApiError && error.code === 'UNAUTHENTICATED'
          ? 'This token is not an analyst token of this register (401). Check it and try again.'
          : error instanceof ApiError && error.code === 'FORBIDDEN'
            ? 'This token may not run analyst queries (403).'
            : `Sign-in failed: ${error instanceof Error ? error.message : String(error)}`;
      tokenInput.focus();
    });
});

byId('sign-out', HTMLButtonElement).addEventListener('click', () => signOut('Signed out.'));

if (storedToken() !== null) start();
else showSignedIn(false);
