import type { OrgConnector } from '../../electron/main/ports';

/** Until the demo org lands the e2e run uses no org; diagnose works without one. */
export function demoConnector(): OrgConnector {
  const missing = async (): Promise<never> => {
    throw new Error('the demo org is not available in this build');
  };
  return { demo: missing, live: missing };
}
