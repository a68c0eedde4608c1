/**
 * Keeps passwords and session IDs out of every message, description, log line and cause the client
 * produces. Gateway texts are not supposed to echo them, but a misconfigured proxy page, a logged
 * envelope or a future gateway message might; masking at every exit is the cheap guarantee.
 */

export const MASK = '***';

function escapedForms(secret: string): string[] {
	const xml = secret
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
	return [secret, xml, encodeURIComponent(secret)];
}

/**
 * Replaces every occurrence of each secret (also in its XML-escaped and URL-encoded forms) with
 * `***`, and blanks the contents of <password> and <sessionid> elements whatever they hold.
 * Secrets shorter than 4 characters are still masked: a short password is still a password.
 */
export function maskSecrets(text: string, secrets: Iterable<string | undefined>): string {
	let masked = text
		.replace(/(<password>)[\s\S]*?(<\/password>)/gi, `$1${MASK}$2`)
		.replace(/(<sessionid>)[\s\S]*?(<\/sessionid>)/gi, `$1${MASK}$2`);
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (!secret) continue;
		for (const form of escapedForms(secret)) forms.add(form);
	}
	// Longest first, so a secret containing another is masked whole.
	for (const form of [...forms].sort((a, b) => b.length - a.length)) {
		masked = masked.split(form).join(MASK);
	}
	return masked;
}
