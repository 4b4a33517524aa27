// Lint (issue #12). The shipped code (src/) gets the lit, web-component and accessibility rules
// plus the few type-aware checks worth their cost (a dropped promise is a silent bug in an
// element's lifecycle); the build scripts, tools and tests get the plain TypeScript rules only.
// Formatting is Prettier's job (.prettierrc.json): no stylistic rule here.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

/** Node's globals, for the plain .mjs scripts (no `globals` package installed). */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    'AbortSignal',
    'fetch',
    'Response',
    'Request',
    'Headers',
    'structuredClone',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'performance',
    'globalThis',
  ].map((name) => [name, 'readonly']),
);

const typescriptRules = {
  '@typescript-eslint/no-explicit-any': 'error',
  // `_`-prefixed parameters are kept for a signature (lit lifecycle callbacks, listeners).
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
};

export default defineConfig([
  {
    // The WordPress plugin's editor script follows WordPress's own standards and globals.
    ignores: ['dist/', 'coverage/', '.cache/', 'node_modules/', 'demo/snapshot/', 'wordpress/'],
  },
  {
    name: 'sdi/src',
    files: ['src/**/*.ts'],
    extends: [
      tseslint.configs.recommended,
      lit.configs['flat/recommended'],
      wc.configs['flat/best-practice'],
      litA11y.configs.recommended,
    ],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    // The wc rules recognise an element by its direct base class name: without this list they see
    // none of ours. Keep it in step with the shared bases in src/elements/shared/.
    settings: { wc: { elementBaseClasses: ['LitElement', 'LangElement', 'SourceElement'] } },
    rules: {
      ...typescriptRules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `import('…').Type` annotations stay allowed: the lazily loaded modules are typed that way.
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // role="list" on a <ul> is deliberate: with `list-style: none`, WebKit/VoiceOver drops the
      // list semantics unless the role is spelled out. The rule has no option to allow that case.
      'lit-a11y/no-redundant-role': 'off',
      // LitElement implements every lifecycle callback: `super.connectedCallback()` needs no guard.
      'wc/guard-super-call': 'off',
    },
  },
  {
    name: 'sdi/node',
    files: [
      'scripts/**/*.{ts,mjs,mts}',
      'tools/**/*.{ts,mjs}',
      'test/**/*.{ts,mjs}',
      'bench/**/*.ts',
      'demo/**/*.ts',
      'bin/**/*.js',
      'docs/examples/**/*.mjs',
      '*.mjs',
    ],
    extends: [tseslint.configs.recommended],
    languageOptions: { globals: nodeGlobals },
    rules: typescriptRules,
  },
  {
    name: 'sdi/tests',
    files: ['test/**/*.{ts,mjs}'],
    // chai's property assertions (`expect(x).to.exist`) are expressions by design.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
]);
