/**
 * The <filter> tree of `query` (§4.4): exactly one top-level operator; and/or need ≥2 children;
 * between exactly 2 values; in/notin 1-1000 values; comparison ops take one field and one value.
 */
import type { XmlElement } from '../contract';
import { queryFailed } from '../errors';
import type { ComparisonOp, FilterNode } from './filter';

const COMPARISONS: Record<string, ComparisonOp> = {
	equalto: '=',
	notequalto: '!=',
	lessthan: '<',
	lessthanorequalto: '<=',
	greaterthan: '>',
	greaterthanorequalto: '>=',
};

const MAX_IN_VALUES = 1000;

function fieldOf(el: XmlElement): string {
	const fields = el.children.filter((c) => c.name.toLowerCase() === 'field');
	if (fields.length !== 1 || !fields[0].text.trim()) throw queryFailed(`<${el.name}> needs exactly one <field>`);
	return fields[0].text.trim();
}

function valuesOf(el: XmlElement): string[] {
	return el.children.filter((c) => c.name.toLowerCase() === 'value').map((c) => c.text.trim());
}

export function parseQueryFilter(filter: XmlElement): FilterNode {
	const ops = filter.children;
	if (ops.length !== 1) throw queryFailed(`<filter> needs exactly one operator, found ${ops.length}`);
	return parseOperator(ops[0]);
}

function parseOperator(el: XmlElement): FilterNode {
	const op = el.name.toLowerCase();
	if (op === 'and' || op === 'or') {
		if (el.children.length < 2) throw queryFailed(`<${el.name}> needs at least two conditions`);
		return { kind: op, children: el.children.map(parseOperator) };
	}
	const comparison = COMPARISONS[op];
	if (comparison) {
		const values = valuesOf(el);
		if (values.length !== 1) throw queryFailed(`<${el.name}> needs exactly one <value>`);
		return { kind: 'compare', field: fieldOf(el), op: comparison, value: values[0] };
	}
	switch (op) {
		case 'isnull':
		case 'isnotnull':
			return { kind: 'null', field: fieldOf(el), negated: op === 'isnotnull' };
		case 'like':
		case 'notlike': {
			const values = valuesOf(el);
			if (values.length !== 1) throw queryFailed(`<${el.name}> needs exactly one <value>`);
			return { kind: 'like', field: fieldOf(el), pattern: values[0], negated: op === 'notlike' };
		}
		case 'in':
		case 'notin': {
			const values = valuesOf(el);
			if (values.length < 1 || values.length > MAX_IN_VALUES) throw queryFailed(`<${el.name}> takes 1 to ${MAX_IN_VALUES} values, found ${values.length}`);
			return { kind: 'in', field: fieldOf(el), values, negated: op === 'notin' };
		}
		case 'between': {
			const values = valuesOf(el);
			if (values.length !== 2) throw queryFailed(`<between> needs exactly two values, found ${values.length}`);
			const field = fieldOf(el);
			return {
				kind: 'and',
				children: [
					{ kind: 'compare', field, op: '>=', value: values[0] },
					{ kind: 'compare', field, op: '<=', value: values[1] },
				],
			};
		}
		default:
			throw queryFailed(`Unknown filter operator <${el.name}>`);
	}
}
