/** One parsed element, order preserved. `text` is the element's own text ('' when none). */
export interface XmlNode {
	name: string;
	attributes: Record<string, string>;
	children: XmlNode[];
	text: string;
}
