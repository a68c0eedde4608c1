/**
 * For a test's own HttpPost stub (one that answers without reaching the sandbox): records every body
 * the client hands it for schema validation, like the sandbox's inspection hook does for real requests.
 */
import type { HttpPost } from '../../../nodes/shared/intacct/core/types';
import { requestSink } from './requestSink';

export function schemaChecked(post: HttpPost): HttpPost {
	return async (request) => {
		requestSink().record(request.body, 'stub');
		return await post(request);
	};
}
