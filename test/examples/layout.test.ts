/**
 * The example workflows as they open on n8n's canvas: a sticky note must not cover a node (the
 * nightly export's note hid its schedule trigger, issue 18). n8n draws a node about 100 x 100 at its
 * position; a sticky note is width x height (n8n's default 240 x 160).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CanvasNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: { width?: number; height?: number };
}

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const NODE_SIZE = 100;

const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));

it.each(files)('%s: no sticky note covers a node', (file) => {
	const { nodes } = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as { nodes: CanvasNode[] };
	const covered: string[] = [];
	for (const note of nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote')) {
		const [x, y] = note.position;
		const w = note.parameters.width ?? 240;
		const h = note.parameters.height ?? 160;
		for (const node of nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote')) {
			const [a, b] = node.position;
			if (a < x + w && a + NODE_SIZE > x && b < y + h && b + NODE_SIZE > y) covered.push(`"${note.name}" covers "${node.name}"`);
		}
	}
	expect(covered).toEqual([]);
});
