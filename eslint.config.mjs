// Lint as n8n's verification does. `npm run lint` runs `n8n-node lint` (@n8n/node-cli), which runs
// ESLint with this file. The published surface (nodes/, credentials/, package.json) gets node-cli's
// own config unchanged: the rules n8n Cloud's scanner enforces (restricted globals and imports,
// no runtime dependencies...), the node/credential rule sets, import-x. The rest of the repository
// (sandbox, tests, e2e, bench, scripts) is Node tooling that may use timers, fs and the console,
// so it gets TypeScript's recommended rules only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { config as n8nNodeCli } from '@n8n/node-cli/eslint';

const PUBLISHED_TS = ['nodes/**/*.ts', 'credentials/**/*.ts'];

// `n8n-node lint` cannot pass --max-warnings, so its warnings (e.g. import-x/no-duplicates) count as
// errors here: "clean" means no finding at all.
const asError = (rules) =>
	Object.fromEntries(
		Object.entries(rules ?? {}).map(([name, level]) => {
			if (level === 'warn' || level === 1) return [name, 'error'];
			if (Array.isArray(level) && (level[0] === 'warn' || level[0] === 1)) return [name, ['error', ...level.slice(1)]];
			return [name, level];
		}),
	);

// node-cli's blocks target '**/*.ts' (a starter repository holds nothing else): narrow them to the
// published folders; its package.json, credentials/ and nodes/ blocks keep their own patterns.
const n8nOnPublishedSurface = n8nNodeCli.map((block) => ({
	...block,
	...(Array.isArray(block.files) && block.files.includes('**/*.ts') ? { files: PUBLISHED_TS } : {}),
	...(block.rules ? { rules: asError(block.rules) } : {}),
}));

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', 'artifacts/**', '**/*.js', '**/*.mjs'] },
	{
		files: ['**/*.ts'],
		ignores: PUBLISHED_TS,
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
	},
	...n8nOnPublishedSurface,
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
);
