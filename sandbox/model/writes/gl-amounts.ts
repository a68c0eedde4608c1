/** Money handling: amounts are plain decimals (§5.1), stored with 2 decimals, balanced in cents. */
import { RULES } from '../errors';

export function parseAmount(fieldId: string, text: string): number {
	const n = Number(text);
	if (text.trim() === '' || !Number.isFinite(n) || /[eE,]/.test(text)) throw RULES.invalidValue(fieldId, text);
	return Math.round(n * 100) / 100;
}

export function toCents(amount: number): number {
	return Math.round(amount * 100);
}

export function formatAmount(amount: number): string {
	return amount.toFixed(2);
}
