/**
 * Legacy (object-specific) functions are validated against their XSD sequence (§1.6, §5.3, §5.5):
 * children must appear in the given order, each at most once, required ones present, nothing
 * unknown. A violation is a schema error XL03000003.
 */
import type { XmlElement } from '../contract';
import { schemaError } from '../errors';

export interface SequenceItem {
	name: string;
	required?: boolean;
	/** Alternatives accepted at this position (glaccountno | accountlabel). */
	or?: string[];
}

export function checkSequence(el: XmlElement, sequence: SequenceItem[]): void {
	let position = 0;
	const seen = new Set<number>();
	for (const child of el.children) {
		const name = child.name;
		let found = -1;
		for (let i = position; i < sequence.length; i++) {
			if (sequence[i].name === name || sequence[i].or?.includes(name)) {
				found = i;
				break;
			}
		}
		if (found < 0) {
			const known = sequence.some((s) => s.name === name || s.or?.includes(name));
			const expected = sequence.slice(position).map((s) => s.name).join(' | ') || '(end)';
			throw schemaError(
				known
					? `XML Parse schema error: Element '${name}' in <${el.name}> is out of order. Expected is one of ( ${expected} ).`
					: `XML Parse schema error: Element '${name}' is not allowed in <${el.name}>. Expected is one of ( ${expected} ).`,
			);
		}
		seen.add(found);
		position = found + 1;
	}
	const missing = sequence.filter((s, i) => s.required && !seen.has(i));
	if (missing.length) throw schemaError(`XML Parse schema error: Missing required element '${missing[0].name}' in <${el.name}>.`);
}

/** <year/><month/><day/> text of a legacy date element. */
export function legacyDateParts(el: XmlElement): { year: string; month: string; day: string } {
	checkSequence(el, [
		{ name: 'year', required: true },
		{ name: 'month', required: true },
		{ name: 'day', required: true },
	]);
	const text = (n: string): string => el.children.find((c) => c.name === n)?.text.trim() ?? '';
	return { year: text('year'), month: text('month'), day: text('day') };
}
