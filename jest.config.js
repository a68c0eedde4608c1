/** @type {import('jest').Config} */
module.exports = {
	// Every request body the suite's clients send is validated against Intacct's api.xsd (test/support/requestSchema).
	testEnvironment: '<rootDir>/test/support/requestSchema/environment.ts',
	setupFilesAfterEnv: ['<rootDir>/test/support/requestSchema/setup.ts'],
	// Also gives the workers 30 s, not jest 29's 500 ms, to exit when the run is over (test/support/workerExitGrace.ts).
	globalSetup: '<rootDir>/test/support/globalSetup.ts',
	globalTeardown: '<rootDir>/test/support/requestSchema/globalTeardown.ts',
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
