/**
 * Bodies of injected HTTP failures (§1.1, §3.4): Cloudflare-like HTML pages, gateway XML errors.
 */
import { INVALID_REQUEST, RATE_LIMITED, SERVICE_OFFLINE, SIGN_IN_REJECTED_401 } from '../protocol/gatewayErrors';
import { renderBareControlFailure } from '../protocol/responseRendering';

const REASONS: Record<number, string> = {
	500: 'Internal server error',
	502: 'Bad gateway',
	503: 'Service unavailable',
	504: 'Gateway time-out',
	520: 'Web server is returning an unknown error',
	522: 'Connection timed out',
	524: 'A timeout occurred',
};

/** A Cloudflare-style error page ([OBS] hotglue's cf-error-details): HTML where XML was expected. */
export function htmlErrorPage(status: number): string {
	const reason = REASONS[status] ?? 'Error';
	return (
		'<!DOCTYPE html>\n<html lang="en-US"><head><title>api.intacct.com | ' +
		`${status}: ${reason}</title></head><body><div id="cf-error-details">` +
		`<h1>${reason}</h1><span class="cf-error-code">Error code ${status}</span>` +
		'<p>The origin web server did not answer in time.</p></div></body></html>\n'
	);
}

/** The gateway's own XML error for an injected status: the bare control failure of §3.4. */
export function gatewayXmlErrorBody(status: number): string {
	if (status === 400) return renderBareControlFailure([INVALID_REQUEST()]);
	if (status === 401) return renderBareControlFailure([SIGN_IN_REJECTED_401]);
	if (status === 429) return renderBareControlFailure([RATE_LIMITED()]);
	return renderBareControlFailure([SERVICE_OFFLINE]);
}
