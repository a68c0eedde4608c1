/**
 * Dates between n8n and Intacct's XML gateway.
 *
 * Intacct's generic functions take and return `mm/dd/yyyy` and timestamps `mm/dd/yyyy HH:MM:SS`
 * without a time zone (intacct-xml-api.md §5.6). Users hand us ISO strings, Luxon DateTime objects
 * (n8n expressions such as {{ $now }}) or US-style dates. We accept only what is unambiguous:
 *   - ISO `yyyy-mm-dd` (with or without a time part; the calendar date written is taken as is),
 *   - `mm/dd/yyyy` / `m/d/yyyy` with a four-digit year (Intacct's own format),
 *   - Luxon DateTime and JS Date objects.
 * Two-digit years (`03/04/26`: March 4th or April 3rd? 1926 or 2026?) and impossible dates
 * (`13/45/2026`, `2026-02-30`) are rejected.
 */

export class DateInputError extends Error {}

interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

interface LuxonLike {
	isValid: boolean;
	toISODate(): string | null;
	toFormat(format: string): string;
}

function isLuxonLike(value: unknown): value is LuxonLike {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as LuxonLike).toISODate === 'function' &&
		typeof (value as LuxonLike).toFormat === 'function'
	);
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checked(year: number, month: number, day: number, original: string): CalendarDate {
	if (month < 1 || month > 12) throw new DateInputError(`"${original}" has no month ${month}`);
	if (day < 1 || day > daysInMonth(year, month)) {
		throw new DateInputError(`"${original}" is not a real date (month ${month} of ${year} has ${daysInMonth(year, month)} days)`);
	}
	return { year, month, day };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d+)(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function parseCalendarDate(value: unknown): CalendarDate {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new DateInputError('is an invalid Date');
		return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
	}
	if (isLuxonLike(value)) {
		const iso = value.isValid ? value.toISODate() : null;
		if (!iso) throw new DateInputError('is an invalid DateTime');
		return parseCalendarDate(iso);
	}
	if (typeof value !== 'string') {
		throw new DateInputError(`must be a date (ISO yyyy-mm-dd or mm/dd/yyyy), got ${typeof value}`);
	}
	const text = value.trim();
	const iso = ISO_DATE.exec(text);
	if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), text);
	const us = US_DATE.exec(text);
	if (us) {
		if (us[3].length !== 4) {
			throw new DateInputError(
				`"${text}" is ambiguous (two-digit year); use yyyy-mm-dd or mm/dd/yyyy with a four-digit year`,
			);
		}
		return checked(Number(us[3]), Number(us[1]), Number(us[2]), text);
	}
	throw new DateInputError(`"${text}" is not a date; use yyyy-mm-dd (ISO) or mm/dd/yyyy`);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Any accepted input -> Intacct `mm/dd/yyyy`. Throws DateInputError with a readable reason. */
export function toIntacctDate(value: unknown): string {
	const { year, month, day } = parseCalendarDate(value);
	return `${pad(month)}/${pad(day)}/${pad(year, 4)}`;
}

/**
 * A point in time -> Intacct timestamp `mm/dd/yyyy HH:MM:SS` (for WHENMODIFIED filters). A date
 * alone means its midnight. Times are written as given (Intacct timestamps carry no zone).
 */
export function toIntacctTimestamp(value: unknown): string {
	if (isLuxonLike(value)) {
		if (!value.isValid) throw new DateInputError('is an invalid DateTime');
		return value.toFormat('MM/dd/yyyy HH:mm:ss');
	}
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new DateInputError('is an invalid Date');
		return `${toIntacctDate(value)} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
	}
	const date = toIntacctDate(value);
	const text = String(value).trim();
	const time = /[T ](\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
	if (!time) return `${date} 00:00:00`;
	const [hours, minutes, seconds] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
	if (hours > 23 || minutes > 59 || seconds > 59) throw new DateInputError(`"${text}" has an impossible time`);
	return `${date} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

/**
 * Intacct output `mm/dd/yyyy` or `mm/dd/yyyy HH:MM:SS` -> ISO (template merge fields may come un-padded,
 * `m/d/yyyy H:MM`); no time zone is invented. Anything else is returned unchanged.
 */
export function intacctToIso(value: string): string {
	const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
	if (!match) return value;
	const p2 = (n: string | undefined): string => (n ?? '0').padStart(2, '0');
	const date = `${match[3]}-${p2(match[1])}-${p2(match[2])}`;
	return match[4] === undefined ? date : `${date}T${p2(match[4])}:${match[5]}:${p2(match[6])}`;
}
