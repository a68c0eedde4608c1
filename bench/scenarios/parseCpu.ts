/**
 * Client CPU spent parsing the gateway's answers: the same captured response bodies are parsed by
 * our client's response reader (xml/responseReader.ts) and by the official SDK's
 * OnlineResponse (xml2js, explicitArray:false). process.cpuUsage() brackets the parsing only.
 */
// Restores util functions Node 23+ removed, which the SDK calls (see the module).
import '../../test/support/intacctSdkNodeCompat';
import { Xml } from '@intacct/intacct-sdk';
import { XMLParser } from 'fast-xml-parser';

import { readResponse } from '../../nodes/shared/intacct/xml/responseReader';
import { GATEWAY_XML_PARSER_OPTIONS } from '../../nodes/shared/intacct/xml/xmlParser';
import { scanRecords } from './scanReader';
import type { ParseMeasurement } from '../results';

export interface Parser {
	name: string;
	/** Parses one body and returns how many records it held. */
	parse(body: string): number;
}

export const OUR_PARSER: Parser = {
	name: 'our client (responseReader.readResponse)',
	parse: (body) => readResponse({ statusCode: 200, headers: { 'content-type': 'text/xml' }, body }).results.reduce((n, r) => n + r.records.length, 0),
};

export const SDK_PARSER: Parser = {
	name: '@intacct/intacct-sdk 2.2.1 (Xml.OnlineResponse)',
	parse: (body) => new Xml.OnlineResponse(body).results.reduce((n, r) => n + (Array.isArray(r.data) ? r.data.length : 0), 0),
};

/** The library under our reader, with the reader's own options, walking nothing: a lower bound
 * for any reader built on fast-xml-parser (records counted by a cheap scan, not parsed). */
const bareFastXmlParser = new XMLParser(GATEWAY_XML_PARSER_OPTIONS);

export const FAST_XML_PARSER_ONLY: Parser = {
	name: 'fast-xml-parser 5 alone, same options as the former reader (reference)',
	parse: (body) => {
		bareFastXmlParser.parse(body);
		return Number(/\scount="(\d+)"/.exec(body)?.[1] ?? 0);
	},
};

export const SCAN_READER: Parser = {
	name: 'single-pass scanner (bench/scenarios/scanReader.ts; evidence of what a purpose-built reader costs)',
	parse: (body) => scanRecords(body).length,
};

function cpuMs(start: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
}

export function measureParsing(parser: Parser, bodies: string[], runs: number): ParseMeasurement {
	let recordsParsed = 0;
	for (const body of bodies) recordsParsed += parser.parse(body); // warm-up (JIT) and the record count
	const cpuMsPer1000: number[] = [];
	for (let run = 0; run < runs; run++) {
		const start = process.cpuUsage();
		for (const body of bodies) parser.parse(body);
		cpuMsPer1000.push((cpuMs(start) * 1000) / Math.max(1, recordsParsed));
	}
	return {
		parser: parser.name,
		records: recordsParsed,
		bodies: bodies.length,
		bytes: bodies.reduce((n, b) => n + Buffer.byteLength(b), 0),
		cpuMsPer1000,
		recordsParsed,
	};
}
