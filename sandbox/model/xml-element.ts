/**
 * Reading the XmlElement trees the protocol layer hands us. Generic functions are case-insensitive
 * on element names (§5.1, §12.7), so every lookup here ignores case; legacy functions check order
 * separately (writes/legacy-order.ts).
 */
import type { XmlElement } from './contract';

export function childElement(el: XmlElement, name: string): XmlElement | undefined {
	const wanted = name.toLowerCase();
	return el.children.find((c) => c.name.toLowerCase() === wanted);
}

export function childElements(el: XmlElement, name: string): XmlElement[] {
	const wanted = name.toLowerCase();
	return el.children.filter((c) => c.name.toLowerCase() === wanted);
}

/** Trimmed text of a child element; undefined when the element is absent. */
export function childText(el: XmlElement, name: string): string | undefined {
	const c = childElement(el, name);
	return c === undefined ? undefined : c.text.trim();
}

/** Attribute lookup ignoring the attribute name's case. */
export function attribute(el: XmlElement, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [k, v] of Object.entries(el.attributes)) if (k.toLowerCase() === wanted) return v;
	return undefined;
}
