/** Loads the recorded real responses in this folder (see README.md). */
import { readFileSync } from 'fs';
import { join } from 'path';

export type Recording = 'glentry-query' | 'gldetail-query' | 'signin-401';

export function recording(name: Recording): string {
	return readFileSync(join(__dirname, `${name}.xml`), 'utf8');
}

/** The child element names of the first record of a recorded `query` answer, in order. */
export function recordedFields(name: Recording, object: string): string[] {
	const body = recording(name);
	const record = new RegExp(`<${object}>([\\s\\S]*?)</${object}>`).exec(body)?.[1] ?? '';
	return [...record.matchAll(/<([A-Z0-9_]+)>/g)].map((m) => m[1]);
}

/** GLENTRY fields a real company returned (no JOURNAL, no MEGAENTITYID). */
export function recordedGlEntryFields(): string[] {
	return recordedFields('glentry-query', 'GLENTRY');
}
