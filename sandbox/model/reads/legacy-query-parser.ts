/**
 * Parser of readByQuery's legacy query string (§4.2, §12.16): `= != <> < > <= >=`, LIKE / NOT LIKE,
 * IN / NOT IN, IS [NOT] NULL, AND / OR / NOT, parentheses, single-quoted strings with backslash
 * escapes ('Jane\'s Deli'), bare numbers. AND binds tighter than OR. Dotted names are refused:
 * readByQuery has no joins (§4.2).
 */
import type { ComparisonOp, FilterNode } from './filter';

type Token =
	| { type: 'string'; value: string }
	| { type: 'word'; value: string }
	| { type: 'number'; value: string }
	| { type: 'op'; value: string }
	| { type: 'punct'; value: '(' | ')' | ',' };

export class QuerySyntaxError extends Error {}

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const ch = text[i];
		if (/\s/.test(ch)) {
			i++;
		} else if (ch === "'") {
			let value = '';
			i++;
			let closed = false;
			while (i < text.length) {
				const c = text[i];
				if (c === '\\' && i + 1 < text.length) {
					value += text[i + 1];
					i += 2;
				} else if (c === "'") {
					if (text[i + 1] === "'") {
						value += "'";
						i += 2;
					} else {
						closed = true;
						i++;
						break;
					}
				} else {
					value += c;
					i++;
				}
			}
			if (!closed) throw new QuerySyntaxError('unterminated string literal');
			tokens.push({ type: 'string', value });
		} else if (ch === '(' || ch === ')' || ch === ',') {
			tokens.push({ type: 'punct', value: ch });
			i++;
		} else if ('<>=!'.includes(ch)) {
			const two = text.slice(i, i + 2);
			if (['<=', '>=', '<>', '!='].includes(two)) {
				tokens.push({ type: 'op', value: two });
				i += 2;
			} else if (ch === '!') {
				throw new QuerySyntaxError("unexpected '!'");
			} else {
				tokens.push({ type: 'op', value: ch });
				i++;
			}
		} else if (/[0-9.-]/.test(ch)) {
			const m = /^-?[0-9]*\.?[0-9]+/.exec(text.slice(i));
			if (!m) throw new QuerySyntaxError(`unexpected '${ch}'`);
			tokens.push({ type: 'number', value: m[0] });
			i += m[0].length;
		} else if (/[A-Za-z_]/.test(ch)) {
			const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
			tokens.push({ type: 'word', value: m![0] });
			i += m![0].length;
		} else {
			throw new QuerySyntaxError(`unexpected '${ch}'`);
		}
	}
	return tokens;
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'IN', 'IS', 'NULL']);

class Parser {
	private pos = 0;
	constructor(private readonly tokens: Token[]) {}

	parse(): FilterNode {
		const node = this.or();
		if (this.pos < this.tokens.length) throw new QuerySyntaxError(`unexpected '${this.tokens[this.pos].value}'`);
		return node;
	}

	private peek(): Token | undefined {
		return this.tokens[this.pos];
	}

	private isKeyword(word: string): boolean {
		const t = this.peek();
		return t?.type === 'word' && t.value.toUpperCase() === word;
	}

	private expectKeyword(word: string): void {
		if (!this.isKeyword(word)) throw new QuerySyntaxError(`expected ${word}`);
		this.pos++;
	}

	private or(): FilterNode {
		const children = [this.and()];
		while (this.isKeyword('OR')) {
			this.pos++;
			children.push(this.and());
		}
		return children.length === 1 ? children[0] : { kind: 'or', children };
	}

	private and(): FilterNode {
		const children = [this.not()];
		while (this.isKeyword('AND')) {
			this.pos++;
			children.push(this.not());
		}
		return children.length === 1 ? children[0] : { kind: 'and', children };
	}

	private not(): FilterNode {
		if (this.isKeyword('NOT')) {
			this.pos++;
			return { kind: 'not', child: this.not() };
		}
		return this.primary();
	}

	private primary(): FilterNode {
		const t = this.peek();
		if (!t) throw new QuerySyntaxError('unexpected end of query');
		if (t.type === 'punct' && t.value === '(') {
			this.pos++;
			const inner = this.or();
			const close = this.peek();
			if (!close || close.type !== 'punct' || close.value !== ')') throw new QuerySyntaxError("missing ')'");
			this.pos++;
			return inner;
		}
		if (t.type !== 'word' || KEYWORDS.has(t.value.toUpperCase())) throw new QuerySyntaxError(`expected a field name at '${t.value}'`);
		if (t.value.includes('.')) throw new QuerySyntaxError(`related field ${t.value} is not supported by readByQuery; use query`);
		this.pos++;
		return this.condition(t.value.toUpperCase());
	}

	private value(): string {
		const t = this.peek();
		if (!t || (t.type !== 'string' && t.type !== 'number')) throw new QuerySyntaxError('expected a value');
		this.pos++;
		return t.value;
	}

	private condition(field: string): FilterNode {
		const t = this.peek();
		if (!t) throw new QuerySyntaxError(`missing operator after ${field}`);
		if (t.type === 'op') {
			this.pos++;
			const op: ComparisonOp = t.value === '<>' ? '!=' : (t.value as ComparisonOp);
			return { kind: 'compare', field, op, value: this.value() };
		}
		if (this.isKeyword('IS')) {
			this.pos++;
			const negated = this.isKeyword('NOT');
			if (negated) this.pos++;
			this.expectKeyword('NULL');
			return { kind: 'null', field, negated };
		}
		let negated = false;
		if (this.isKeyword('NOT')) {
			this.pos++;
			negated = true;
		}
		if (this.isKeyword('LIKE')) {
			this.pos++;
			return { kind: 'like', field, pattern: this.value(), negated };
		}
		if (this.isKeyword('IN')) {
			this.pos++;
			const open = this.peek();
			if (!open || open.type !== 'punct' || open.value !== '(') throw new QuerySyntaxError("expected '(' after IN");
			this.pos++;
			const values = [this.value()];
			for (;;) {
				const next = this.peek();
				if (next?.type === 'punct' && next.value === ',') {
					this.pos++;
					values.push(this.value());
				} else if (next?.type === 'punct' && next.value === ')') {
					this.pos++;
					break;
				} else throw new QuerySyntaxError("expected ',' or ')' in IN list");
			}
			return { kind: 'in', field, values, negated };
		}
		throw new QuerySyntaxError(`unknown operator '${t.value}' after ${field}`);
	}
}

/** Parses a query string; null for an empty query (= all rows, §4.2). */
export function parseLegacyQuery(text: string): FilterNode | null {
	const tokens = tokenize(text);
	if (tokens.length === 0) return null;
	return new Parser(tokens).parse();
}
