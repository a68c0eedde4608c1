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

/** Blanks the contents of every <name>...</name> (any case), in one pass (no backtracking). */
function blankElements(text: string, name: string): string {
	const lower = text.toLowerCase();
	const open = `<${name}>`;
	const close = `</${name}>`;
	let out = '';
	let from = 0;
	for (let start = lower.indexOf(open); start !== -1; start = lower.indexOf(open, from)) {
		const end = lower.indexOf(close, start + open.length);
		if (end === -1) break;
		out += text.slice(from, start + open.length) + MASK;
		from = end;
	}
	return out + text.slice(from);
}

/** Below this length a secret is masked only where it stands alone, not inside other words. */
const SHORT_SECRET = 6;

function isWordChar(c: string | undefined): boolean {
	return c !== undefined && /[A-Za-z0-9]/.test(c);
}

/** Replaces the standalone occurrences of a short secret (not the "a" inside "Intacct"). */
function maskStandalone(text: string, secret: string): string {
	let out = '';
	let from = 0;
	for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + secret.length)) {
		if (isWordChar(text[at - 1]) || isWordChar(text[at + secret.length])) continue;
		out += text.slice(from, at) + MASK;
		from = at + secret.length;
	}
	return out + text.slice(from);
}

/**
 * Replaces every occurrence of each secret (also in its XML-escaped and URL-encoded forms) with
 * `***`, and blanks the contents of <password> and <sessionid> elements whatever they hold.
 * A short secret (under 6 characters) is still masked, but only where it stands alone: masking
 * every "a" of a one-letter password would garble every message and tell the password anyway.
 */
export function maskSecrets(text: string, secrets: Iterable<string | undefined>): string {
	let masked = blankElements(blankElements(text, 'password'), 'sessionid');
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (!secret) continue;
		for (const form of escapedForms(secret)) forms.add(form);
	}
	// Longest first, so a secret containing another is masked whole.
	for (const form of [...forms].sort((a, b) => b.length - a.length)) {
		masked = form.length < SHORT_SECRET ? maskStandalone(masked, form) : masked.split(form).join(MASK);
	}
	return masked;
}
