// English of messages-errors.ts: the same keys (checked by the type), loaded only when the
// interface is in English (i18n.tsx).
import type { ErrorMessages } from './messages-errors';

export const enErrors: ErrorMessages = {
  errorRateLimitedTitle: 'Too many requests',
  errorRateLimitedWait: 'Too many requests, try again in {seconds} seconds.',
  errorRateLimitedNow: 'Too many requests. You can try again now.',
  errorNetworkTitle: 'Not connected',
  errorNetworkText: 'Cannot reach the server. Check your internet connection, then try again.',
  errorServerTitle: 'Something went wrong on the server',
  errorServerText:
    'Your request could not be completed. Try again; if it still fails, quote the request id below when reporting.',
  errorAppText: 'This page ran into an error. Try again; if it still fails, reload the page.',
  errorChunkTitle: 'The page needs reloading',
  errorChunkText:
    'Part of the application could not be loaded: the connection dropped, or the application was just updated. Reload the page to continue.',
  reloadPage: 'Reload the page',
  verifyNotFound: 'No signature with this id was found. Check the link or the QR code you scanned.',
};
