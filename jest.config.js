/** @type {import('jest').Config} */
module.exports = {
	// Every request body the suite's clients send is validated against Intacct's api.xsd (test/support/requestSchema).
	testEnvironment: '<rootDir>/test/support/requestSchema/environment.ts',
	setupFilesAfterEnv: ['<rootDir>/test/support/requestSchema/setup.ts'],
	globalSetup: '<rootDir>/test/support/requestSchema/globalSetup.ts',
	globalTeardown: '<rootDir>/test/support/requestSchema/globalTeardown.ts',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }],
	},
	testTimeout: 60000,
	maxWorkers: 2,
};
