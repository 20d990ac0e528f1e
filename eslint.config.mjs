// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{
		ignores: [
			'dist/',
			'.astro/',
			'node_modules/',
			'.tools/',
			'tests/.artifacts/',
			'tests/fixtures/**/dist/',
			'tests/fixtures/**/.astro/',
			'tests/fixtures/**/node_modules/',
		],
	},
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		rules: {
			// `_name` marks a value destructured only to leave it out (e.g. identifiers dropped from CSL items).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
			],
		},
	},
	{
		// Browser tests run code in the page through Playwright.
		files: ['tests/browser/**', 'tests/support/browser.ts', 'scripts/screenshots.ts'],
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
	},
);
