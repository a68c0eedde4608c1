/**
 * setupFilesAfterEnv: every sandbox this test file starts passes each gateway request body to the
 * environment's sink (validated against Intacct's schema when the file finishes).
 */
import { setDefaultRequestInspector } from '../../../sandbox/protocol/requestInspection';
import { HAND_WRITTEN_HEADER, requestSink } from './requestSink';

const sink = requestSink();
setDefaultRequestInspector(({ body, headers }) => {
	if (headers[HAND_WRITTEN_HEADER] === 'true') sink.handWritten(body);
	else sink.record(body, 'sandbox');
});
