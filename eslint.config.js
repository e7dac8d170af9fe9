import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const CLOCK_MESSAGE =
  'Read the time from the injected clock (electron/genesys/clock.ts, renderer/src/model/clock.ts).';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'release',
      'test/e2e/screenshots',
      'shared/schema-validators.generated.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // shared/ is the engine and the contract: never Electron, never React.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'],
          patterns: ['electron/*', '../electron/*', '../../electron/*'],
        },
      ],
    },
  },
  {
    // The renderer talks to the main process only through window.jitDoctor.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'xml-crypto', 'purecloud-platform-client-v2', '@xmldom/xmldom'],
          patterns: ['node:*', '**/electron/**'],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['react', 'react-dom'] }] },
  },
  {
    // One clock: time is read in the clock modules only and injected everywhere else, so tests
    // set it and a run can be time-scaled.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['electron/genesys/clock.ts', 'renderer/src/model/clock.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: CLOCK_MESSAGE },
        { object: 'performance', property: 'now', message: CLOCK_MESSAGE },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: CLOCK_MESSAGE,
        },
      ],
    },
  },
);
