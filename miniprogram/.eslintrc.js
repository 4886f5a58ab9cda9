// ESLint: airbnb-base as in the official WeChat demos, without semicolons.
module.exports = {
  root: true,
  env: {
    es2022: true,
    node: true,
  },
  parserOptions: {
    ecmaVersion: 2022,
    sourceType: 'script',
  },
  extends: ['airbnb-base', 'plugin:promise/recommended'],
  plugins: ['promise'],
  globals: {
    App: 'readonly',
    Page: 'readonly',
    Component: 'readonly',
    Behavior: 'readonly',
    wx: 'readonly',
    getApp: 'readonly',
    getCurrentPages: 'readonly',
  },
  rules: {
    semi: ['error', 'never'],
    indent: ['error', 2],
    complexity: ['error', 10],
    'max-len': ['error', { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true }],
    // Mini-program modules are CommonJS with relative requires; there is no bundler.
    strict: 'off',
    'import/no-extraneous-dependencies': ['error', { devDependencies: ['tests/**', 'scripts/**', '*.config.js', '.eslintrc.js'] }],
  },
  overrides: [
    {
      files: ['tests/**/*.js'],
      env: { jest: true },
      globals: { window: 'readonly', document: 'readonly' },
    },
    {
      files: ['scripts/**/*.js'],
      rules: { 'no-console': 'off' },
    },
  ],
}
