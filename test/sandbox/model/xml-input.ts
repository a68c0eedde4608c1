/** Test helper: XML snippet -> XmlElement (order preserved), as the protocol layer hands it to the model. */
import { XMLParser } from 'fast-xml-parser';
import type { CallContext, FunctionOutcome, RenderRecord, XmlElement } from '../../../sandbox/model/contract';

type Ordered = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: true });

function convert(node: Ordered): XmlElement | null {
	const name = Object.keys(node).find((k) => k !== ':@');
	if (!name || name === '#text') return null;
	const content = node[name] as Ordered[];
	const attributes = (node[':@'] as Record<string, string> | undefined) ?? {};
	const children: XmlElement[] = [];
	let text = '';
	for (const c of content) {
		if ('#text' in c) text += String(c['#text']);
		else {
			const child = convert(c);
			if (child) children.push(child);
		}
	}
	return { name, attributes, children, text };
}

export function xml(snippet: string): XmlElement {
	const parsed = parser.parse(snippet) as Ordered[];
	const root = convert(parsed[0]);
	if (!root) throw new Error('no element');
	return root;
}

export function ctxAt(entityId = '', now = '2026-11-20T10:00:00Z', userId = 'ws_n8n'): CallContext {
	return { companyId: 'HOPEWELL', userId, entityId, now: new Date(now) };
}

export function records(outcome: FunctionOutcome): RenderRecord[] {
	if (outcome.kind !== 'data') throw new Error(`expected data, got ${outcome.kind}`);
	return outcome.records.map((r) => r.fields);
}

export function dataOf(outcome: FunctionOutcome): Extract<FunctionOutcome, { kind: 'data' }> {
	if (outcome.kind !== 'data') throw new Error(`expected data, got ${outcome.kind}`);
	return outcome;
}

/** Runs fn and returns the BusinessError's errors (fails the test if it succeeds). */
export function errorsOf(run: () => unknown): Array<{ errorno: string; description2?: string; correction?: string }> {
	try {
		run();
	} catch (error: unknown) {
		if (error && typeof error === 'object' && 'errors' in error) return (error as { errors: Array<{ errorno: string; description2?: string; correction?: string }> }).errors;
		throw error;
	}
	throw new Error('expected a BusinessError');
}

export function journalEntry(lines: string, header = '<JOURNAL>GJ</JOURNAL><BATCH_DATE>06/30/2025</BATCH_DATE><BATCH_TITLE>Test entry</BATCH_TITLE>'): XmlElement {
	return xml(`<create><GLBATCH>${header}<ENTRIES>${lines}</ENTRIES></GLBATCH></create>`);
}

export const BALANCED_LINES =
	'<GLENTRY><ACCOUNTNO>6000</ACCOUNTNO><TR_TYPE>1</TR_TYPE><TRX_AMOUNT>100.10</TRX_AMOUNT><LOCATION>110</LOCATION><DEPARTMENT>PROG</DEPARTMENT><PROJECTID>GR-2025-001</PROJECTID><GLDIMFUNDINGSOURCE>10004</GLDIMFUNDINGSOURCE></GLENTRY>' +
	'<GLENTRY><ACCOUNTNO>1000</ACCOUNTNO><TR_TYPE>-1</TR_TYPE><TRX_AMOUNT>100.10</TRX_AMOUNT><LOCATION>110</LOCATION></GLENTRY>';
