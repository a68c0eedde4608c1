/**
 * Reads every response body a test file's clients received with both XML paths: the single-pass
 * scanner (xml/xmlScanner.ts) and fast-xml-parser (xmlParser.parseWithFastXmlParser). The
 * trees must be identical, and every gateway XML answer must take the fast path (a fallback there
 * would be correct but slow, so it is reported too).
 */
import { parseWithFastXmlParser, type XmlNode } from '../../nodes/shared/intacct/xml/xmlParser';
import { scanXmlDocument } from '../../nodes/shared/intacct/xml/xmlScanner';

function fullPath(body: string): XmlNode | Error {
	try {
		return parseWithFastXmlParser(body);
	} catch (error) {
		return error as Error;
	}
}

export class ParserAudit {
	private readonly found: string[] = [];
	/** Bodies compared (tests can check the audit saw traffic). */
	compared = 0;

	note(body: string): void {
		const fast = scanXmlDocument(body);
		const full = fullPath(body);
		const excerpt = JSON.stringify(body.slice(0, 200));
		if (fast === undefined) {
			// Non-XML bodies (HTML pages, empty 5xx) belong to the full path; gateway XML must not.
			if (!(full instanceof Error) && full.name === 'response') this.found.push(`fell back on a gateway answer: ${excerpt}`);
			return;
		}
		this.compared++;
		if (full instanceof Error) this.found.push(`fast path accepted what fast-xml-parser rejects (${full.message}): ${excerpt}`);
		else if (JSON.stringify(fast) !== JSON.stringify(full)) this.found.push(`trees differ: ${excerpt}`);
	}

	problems(): string[] {
		return [...this.found];
	}
}
