// Scans built JavaScript the way n8n Cloud's community-package scanner does: ESLint over the files
// with @n8n/eslint-plugin-community-nodes' no-restricted-globals and no-restricted-imports (the
// rules the scanner runs), plus what those two let through but Cloud still refuses: console output,
// `require` with a computed module name, and `process.env` (process is already a restricted global).
//
//   node test/package/scanDist.mjs <folder>   -> prints a JSON array of findings
//                                               {file, line, column, rule, message}; exit 0
// Run as a child process by test/package/distScan.test.ts (jest cannot load the ESM plugin).
import path from 'node:path';
import { ESLint } from 'eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const folder = path.resolve(process.argv[2] ?? 'dist');
const eslint = new ESLint({
	cwd: folder,
	overrideConfigFile: true,
	overrideConfig: [
		{
			files: ['**/*.js'],
			languageOptions: { sourceType: 'commonjs', ecmaVersion: 'latest' },
			linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
			plugins: { '@n8n/community-nodes': n8nCommunityNodesPlugin },
			rules: {
				'@n8n/community-nodes/no-restricted-globals': 'error',
				'@n8n/community-nodes/no-restricted-imports': 'error',
				'no-console': 'error',
				'no-restricted-syntax': [
					'error',
					{
						selector: "CallExpression[callee.name='require'][arguments.0.type!='Literal']",
						message: 'Dynamic require (the module name is computed at run time).',
					},
					{
						selector: "CallExpression[callee.name='require'][arguments.length=0]",
						message: 'Dynamic require (no module name).',
					},
					{ selector: "MemberExpression[object.name='process'][property.name='env']", message: 'process.env is not available to community nodes on n8n Cloud.' },
					{ selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']", message: 'Code built from strings (eval / new Function).' },
				],
			},
		},
	],
});
const results = await eslint.lintFiles(['**/*.js']);
const findings = results.flatMap((r) =>
	// Severity 2 only: "noInlineConfig" notes about disable comments in the output are not findings.
	r.messages.filter((m) => m.severity === 2 || m.fatal === true).map((m) => ({ file: path.relative(folder, r.filePath), line: m.line, column: m.column, rule: m.ruleId ?? 'parse', message: m.message })),
);
process.stdout.write(JSON.stringify(findings));
