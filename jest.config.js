/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// n8n's logger silent unless a suite asks for it (test/support/quietN8nLogger.ts).
	setupFiles: ['<rootDir>/test/support/quietN8nLogger.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
	},
	testTimeout: 60000,
	maxWorkers: 2,
};
