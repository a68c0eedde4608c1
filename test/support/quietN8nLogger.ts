/**
 * Jest setup (jest.config.js setupFiles): n8n's own logger (winston, N8N_LOG_LEVEL, default info)
 * prints every failed item of the engine tests straight to stdout, so a passing run is pages of
 * expected errors and a real failure does not stand out. Tests run it silent; a suite that audits
 * what n8n logs (test/badInput/capturedOutput.ts) turns it back on for itself. Runs in each test
 * file's own process object, before the file's imports, so nothing leaks between files.
 */
process.env.N8N_LOG_LEVEL ??= 'silent';
