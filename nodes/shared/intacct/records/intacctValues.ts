/**
 * Intacct text values -> typed output values. Intacct writes dates `mm/dd/yyyy` and timestamps
 * `mm/dd/yyyy HH:MM:SS` without a time zone (intacct-xml-api.md §5.6); merge fields may also come
 * un-padded (`m/d/yyyy`). Output: ISO `yyyy-mm-dd` and `yyyy-mm-ddTHH:MM:SS` (no zone is invented).
 */
import type { FieldKind } from './glEntryFields';

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/;

const pad = (n: string | undefined): string => (n ?? '0').padStart(2, '0');

/** `01/31/2024 13:05:00` -> `2024-01-31T13:05:00`; `01/31/2024` -> `2024-01-31`; else undefined. */
export function intacctDateToIso(value: string, withTime: boolean): string | undefined {
	const v = value.trim();
	let y: string, mo: string, d: string, h: string | undefined, mi: string | undefined, s: string | undefined;
	const us = US_DATE.exec(v);
	const iso = us ? null : ISO_DATE.exec(v);
	if (us) [, mo, d, y, h, mi, s] = us;
	else if (iso) [, y, mo, d, h, mi, s] = iso;
	else return undefined;
	const date = `${y}-${pad(mo)}-${pad(d)}`;
	if (!withTime) return date;
	return `${date}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** Numbers as numbers ('1,234.50' -> 1234.5); '' -> null; not a number -> undefined. */
export function intacctNumber(value: string): number | null | undefined {
	const v = value.trim().replace(/,/g, '');
	if (v === '') return null;
	const n = Number(v);
	return Number.isFinite(n) ? n : undefined;
}

export type OutputValue = string | number | null;

/** Converts one field; a value that does not parse is kept as text rather than lost. */
export function convertValue(kind: FieldKind, value: string): OutputValue {
	switch (kind) {
		case 'integer':
		case 'decimal':
		case 'trType': {
			const n = intacctNumber(value);
			return n === undefined ? value : n;
		}
		case 'date':
		case 'timestamp': {
			if (value.trim() === '') return null;
			return intacctDateToIso(value, kind === 'timestamp') ?? value;
		}
		default:
			return value;
	}
}
