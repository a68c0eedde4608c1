/**
 * Money amounts. Intacct wants plain decimals without thousands separators (docs/protocol.md
 * §5.1) and rounds AP amounts beyond two decimals; we refuse over-precise amounts instead of letting
 * cents appear or vanish silently. Sums are done in integer cents so 0.1 + 0.2 balances.
 */

export class AmountInputError extends Error {}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** A number or numeric string -> canonical decimal text with at most 2 decimals. */
export function parseAmount(value: unknown): string {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new AmountInputError(`${value} is not a finite number`);
		text = String(value);
		if (/e/i.test(text)) throw new AmountInputError(`${value} is out of range`);
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		throw new AmountInputError(`must be a number, got ${value === null ? 'null' : typeof value}`);
	}
	if (!DECIMAL.test(text)) throw new AmountInputError(`"${text}" is not a number (use digits and a dot, no separators)`);
	const decimals = text.split('.')[1] ?? '';
	if (decimals.replace(/0+$/, '').length > 2) {
		throw new AmountInputError(`${text} has more than 2 decimals`);
	}
	return toDecimal(toCents(text));
}

/** Canonical decimal text -> integer cents. */
export function toCents(decimal: string): number {
	const negative = decimal.startsWith('-');
	const [whole, fraction = ''] = decimal.replace('-', '').split('.');
	const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
	return negative ? -cents : cents;
}

export function toDecimal(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
