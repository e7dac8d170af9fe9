/** The app itself: settings, and what the menu and the status bar say to the renderer. */
import { none, type RequestShapes } from './common';
import type { InputTextView } from './diagnose';

export type ThemePreference = 'system' | 'light' | 'dark';

export interface AppSettings {
  /** Genesys Cloud API requests per minute the limiter allows (300 by default). */
  rateLimitPerMinute: number;
  /** Clock-skew tolerance used when the configuration sets none. */
  clockSkewSeconds: number;
  theme: ThemePreference;
}

export interface AppInvokes {
  getSettings: { request: void; reply: AppSettings };
  saveSettings: { request: Partial<AppSettings>; reply: AppSettings };
}

export const APP_SHAPES: RequestShapes<AppInvokes> = {
  getSettings: none,
  saveSettings: {
    rateLimitPerMinute: { type: 'number', min: 1, max: 100_000, integer: true, optional: true },
    clockSkewSeconds: { type: 'number', min: 0, max: 600, integer: true, optional: true },
    theme: { type: 'enum', values: ['system', 'light', 'dark'], optional: true },
  },
};

export interface AppEvents {
  /** A file chosen with the File → Open menu. */
  inputOpened: InputTextView;
  /** A one-line notice for the status bar ("Report saved to …"). */
  notice: { message: string };
  /** File → Save report / Export redacted report: the renderer saves the report on screen. */
  saveReportRequested: { redact: boolean };
}
