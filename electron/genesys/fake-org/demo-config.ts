import { resourcePath } from '../../resources';

/**
 * The SSO/JIT configuration that matches the demo org (postJit rules, the demo IdP certificate), as
 * a file path: the CLI loads and names it like any --config. Kept apart from the demo org itself so
 * that naming it loads neither the org's seed nor its server.
 */
export const DEMO_CONFIG_PATH = resourcePath('demo/config.json');
