/**
 * The capture window: a plain browser (own in-memory session partition, no preload, no Node) in
 * which the admin signs in. Every SAML message it sends is recorded; in "diagnose only" mode the
 * SAMLResponse POST to Genesys Cloud is cancelled, so the capture never creates a user through JIT.
 */
import type { BrowserWindow, Session } from 'electron';
import type { CaptureRequest, CapturedMessage } from '../../shared/ipc';
import { AppError } from '../../shared/errors';
import {
  captureStartProblem,
  samlMessagesIn,
  shouldBlock,
  type CaptureRequestDetails,
} from '../../shared/capture/requests';
import { CAPTURE_PARTITION, createCaptureWindow, type WindowConstructor } from './window-options';
import { denyPermissions } from './security';
import type { Clock } from '../genesys/clock';

export interface CaptureService {
  open(request: CaptureRequest): Promise<{ opened: true }>;
  list(): CapturedMessage[];
  clear(): CapturedMessage[];
}

/** Only https pages are opened (an IdP sign-in or Genesys Cloud login page), or http on this machine. */
function checkCaptureUrl(url: string): URL {
  const problem = captureStartProblem(url);
  if (problem) throw new AppError('bad-request', problem, 'url');
  return new URL(url.trim());
}

export function createCaptureService(deps: {
  BrowserWindow: WindowConstructor;
  sessionFor: (partition: string) => Session;
  emit: (message: CapturedMessage) => void;
  clock: Clock;
}): CaptureService {
  const captured: CapturedMessage[] = [];
  let window: BrowserWindow | null = null;
  let diagnoseOnly = true;
  let listening = false;

  const listen = (session: Session) => {
    if (listening) return;
    listening = true;
    denyPermissions(session);
    session.webRequest.onBeforeRequest(
      { urls: ['https://*/*', 'http://*/*'] },
      (details, callback) => {
        const request = details as unknown as CaptureRequestDetails;
        const messages = samlMessagesIn(request, deps.clock);
        const cancel = shouldBlock(request, messages, diagnoseOnly);
        for (const message of messages) {
          const record = { ...message, blocked: cancel };
          captured.push(record);
          deps.emit(record);
        }
        callback({ cancel });
      },
    );
  };

  return {
    async open(request) {
      const url = checkCaptureUrl(request.url);
      diagnoseOnly = request.diagnoseOnly;
      listen(deps.sessionFor(CAPTURE_PARTITION));
      if (!window || window.isDestroyed()) {
        window = createCaptureWindow(deps.BrowserWindow);
        // IdP pop-ups open in the same window, still inside the capture session.
        window.webContents.setWindowOpenHandler(({ url: target }) => {
          if (target.startsWith('https://')) void window?.loadURL(target);
          return { action: 'deny' };
        });
        window.on('closed', () => {
          window = null;
        });
      }
      await window.loadURL(url.toString()).catch((error: Error) => {
        // A cancelled ACS POST aborts the navigation: that is the point of "diagnose only".
        if (!/ERR_BLOCKED_BY_CLIENT|ERR_ABORTED/.test(error.message)) throw error;
      });
      window.show();
      return { opened: true };
    },
    list: () => [...captured],
    clear() {
      captured.length = 0;
      return [];
    },
  };
}
