/**
 * Validates request bodies against Intacct's official schema (../intacct-xsd/api.xsd) with libxml2
 * (xmllint-wasm). One xmllint run compiles the 420 KB schema (about 0.2 s) on top of starting a
 * WASM worker (about 0.25 s), whatever the number of documents, so callers pass many bodies at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryPages, validateXML } from 'xmllint-wasm';

export const SCHEMA_PATH = join(__dirname, '..', 'intacct-xsd', 'api.xsd');
const QUERY_SCHEMA_PATH = join(__dirname, '..', 'intacct-xsd', 'query.xsd');
const LOOKUP_SCHEMA_PATH = join(__dirname, '..', 'intacct-xsd', 'lookup.xsd');

/** A body's verdict: valid, or libxml2's messages for it (one per line). */
export type Verdict = { valid: true } | { valid: false; messages: string[] };

/** Bodies per xmllint run are capped by size so one run stays within WASM memory. */
const MAX_BATCH_CHARS = 8 * 1024 * 1024;

/**
 * api.xsd as vendored, with two functions it predates added to the <function> choice: `query`, by
 * the schema Sage publishes on its Query reference page (query.xsd), and `lookup` (lookup.xsd, ours,
 * from Sage's examples). The additions are included, not pasted in, so api.xsd stays Sage's file.
 */
function patchedApiSchema(): string {
	const api = readFileSync(SCHEMA_PATH, 'utf8');
	const functionChoice = '<xs:element name="function">\n    <xs:complexType>\n      <xs:choice>\n';
	if (!api.includes(functionChoice)) throw new Error('api.xsd: the <function> choice is not where validateAgainstSchema.ts expects it');
	const schemaOpen = /<xs:schema\b[^>]*>/.exec(api);
	if (schemaOpen === null) throw new Error('api.xsd: no <xs:schema> element');
	const includes = '\n  <xs:include schemaLocation="query.xsd"/>\n  <xs:include schemaLocation="lookup.xsd"/>';
	return api
		.replace(schemaOpen[0], schemaOpen[0] + includes)
		.replace(functionChoice, `${functionChoice}        <xs:element ref="query"/>\n        <xs:element ref="lookup"/>\n`);
}

let schemaText: string | undefined;
function schema(): string {
	schemaText ??= patchedApiSchema();
	return schemaText;
}

let included: Array<{ fileName: string; contents: string }> | undefined;
function includedSchemas(): Array<{ fileName: string; contents: string }> {
	included ??= [
		{ fileName: 'query.xsd', contents: readFileSync(QUERY_SCHEMA_PATH, 'utf8') },
		{ fileName: 'lookup.xsd', contents: readFileSync(LOOKUP_SCHEMA_PATH, 'utf8') },
	];
	return included;
}

const fileName = (index: number): string => `request${index}.xml`;

/** xmllint's stderr: "<file>:<line>: <message>" (possibly followed by context lines), then "<file> validates" or "<file> fails to validate". */
function verdictsFromOutput(output: string, count: number): Verdict[] {
	const messages: string[][] = Array.from({ length: count }, () => []);
	const validated = new Array<boolean>(count).fill(false);
	let current = -1;
	for (const line of output.split('\n')) {
		const match = /^request(\d+)\.xml(?::(\d+):\s*(.*)| (validates|fails to validate))$/.exec(line.trimEnd());
		if (match === null) {
			if (current >= 0 && line.trim() !== '') messages[current].push(line.trimEnd());
			continue;
		}
		current = Number(match[1]);
		if (match[4] === 'validates') validated[current] = true;
		else if (match[3] !== undefined) messages[current].push(`line ${match[2]}: ${match[3]}`);
	}
	return messages.map((lines, index) => {
		if (validated[index] && lines.length === 0) return { valid: true };
		return { valid: false, messages: lines.length > 0 ? lines : ['xmllint gave no verdict for this document'] };
	});
}

async function validateBatch(bodies: readonly string[]): Promise<Verdict[]> {
	const options = {
		xml: bodies.map((contents, index) => ({ fileName: fileName(index), contents })),
		schema: [{ fileName: 'api.xsd', contents: schema() }],
		preload: includedSchemas(),
		maxMemoryPages: memoryPages.GiB,
	};
	try {
		const result = await validateXML(options);
		return verdictsFromOutput(result.rawOutput, bodies.length);
	} catch (error: unknown) {
		// A document that is not even well-formed makes xmllint exit with a parser status, which
		// xmllint-wasm turns into a rejection carrying the same stderr.
		if (error instanceof Error && /request\d+\.xml/.test(error.message)) return verdictsFromOutput(error.message, bodies.length);
		throw error;
	}
}

/** Verdicts in the order of `bodies`; `onRun` is told of each xmllint run. */
export async function validateAgainstSchema(bodies: readonly string[], onRun: () => void = () => undefined): Promise<Verdict[]> {
	const verdicts: Verdict[] = [];
	let batch: string[] = [];
	let size = 0;
	for (const body of bodies) {
		if (batch.length > 0 && size + body.length > MAX_BATCH_CHARS) {
			onRun();
			verdicts.push(...(await validateBatch(batch)));
			batch = [];
			size = 0;
		}
		batch.push(body);
		size += body.length;
	}
	if (batch.length > 0) {
		onRun();
		verdicts.push(...(await validateBatch(batch)));
	}
	return verdicts;
}

/** "readByQuery GLENTRY", "create VENDOR", "update GLBATCH, getAPISession": what a request asks, for messages. */
export function describeRequest(body: string): string {
	const functions: string[] = [];
	for (const part of body.split(/<function\b[^>]*>/).slice(1)) {
		const inner = part.split('</function>')[0];
		const head = /^\s*<([A-Za-z_][\w.-]*)\b[^>]*?(\/?)>/.exec(inner);
		if (head === null) continue;
		const [whole, name, selfClosing] = head;
		const rest = inner.slice(whole.length);
		let target = '';
		if (selfClosing === '') {
			const child = /^\s*<([A-Za-z_][\w.-]*)\b/.exec(rest);
			const object = /<object>\s*([\w.]+)\s*<\/object>/.exec(rest);
			if (['create', 'update', 'delete'].includes(name) && child !== null && child[1] !== 'object') target = child[1];
			else if (object !== null) target = object[1];
		}
		functions.push(target === '' ? name : `${name} ${target}`);
	}
	const unique = [...new Set(functions)];
	return unique.length > 0 ? unique.join(', ') : '(no function)';
}
