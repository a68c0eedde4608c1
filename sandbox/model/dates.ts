/**
 * Date formats (§5.6, §12.23). Rows store dates as ISO 'yyyy-mm-dd' and timestamps as
 * 'yyyy-mm-dd HH:MM:SS' so that string order is chronological order; the gateway's wire format is
 * 'mm/dd/yyyy' and 'mm/dd/yyyy HH:MM:SS' (no time zone; the sandbox clock is read in UTC).
 */

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const US_TIMESTAMP = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

function validDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return false;
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return d <= last;
}

/** 'mm/dd/yyyy' or un-padded 'm/d/yyyy' (fylein sends these, §5.2) -> 'yyyy-mm-dd'; null when invalid. */
export function parseUsDate(text: string): string | null {
	const m = US_DATE.exec(text.trim());
	if (!m) return null;
	const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (!validDate(year, month, day)) return null;
	return `${year}-${pad(month)}-${pad(day)}`;
}

/** 'mm/dd/yyyy HH:MM[:SS]' (or a bare date = midnight) -> 'yyyy-mm-dd HH:MM:SS'; null when invalid. */
export function parseUsTimestamp(text: string): string | null {
	const trimmed = text.trim();
	const dateOnly = parseUsDate(trimmed);
	if (dateOnly) return `${dateOnly} 00:00:00`;
	const m = US_TIMESTAMP.exec(trimmed);
	if (!m) return null;
	const [month, day, year, hh, mm, ss] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
	if (!validDate(year, month, day) || hh > 23 || mm > 59 || ss > 59) return null;
	return `${year}-${pad(month)}-${pad(day)} ${pad(hh)}:${pad(mm)}:${pad(ss)}`;
}

/** Legacy <year/><month/><day/> blocks (§5.3, §5.5) -> 'yyyy-mm-dd'; null when invalid. */
export function fromDateParts(year: string, month: string, day: string): string | null {
	const [y, m, d] = [Number(year), Number(month), Number(day)];
	if (![y, m, d].every(Number.isInteger) || !validDate(y, m, d)) return null;
	return `${y}-${pad(m)}-${pad(d)}`;
}

export function formatUsDate(iso: string): string {
	if (iso.length < 10) return iso;
	return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

export function formatUsTimestamp(stored: string): string {
	if (stored.length < 19) return stored;
	return `${formatUsDate(stored.slice(0, 10))} ${stored.slice(11, 19)}`;
}

export function isoDateOf(d: Date): string {
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function storedTimestampOf(d: Date): string {
	return `${isoDateOf(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function addDays(iso: string, days: number): string {
	const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
	return isoDateOf(new Date(t + days * 86_400_000));
}
