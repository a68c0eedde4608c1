/** Wraps an HttpPost so a scenario can keep the raw answers it received (for the parse benchmark). */
import type { HttpPost } from '../nodes/shared/intacct/core/types';

export interface CapturingPost {
	post: HttpPost;
	bodies: string[];
}

export function capturingPost(inner: HttpPost, keep: (requestBody: string) => boolean): CapturingPost {
	const bodies: string[] = [];
	return {
		bodies,
		post: async (request) => {
			const response = await inner(request);
			if (keep(request.body)) bodies.push(response.body);
			return response;
		},
	};
}
