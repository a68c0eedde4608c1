/**
 * The asynchronous bulk service (docs: intacct-docs/rest/bulk-requests.md, common-resources.md
 * "Send a bulk request" / "Get a bulk request status"): POST /services/bulk/job/create takes
 * ia::requestBody (objectName, operation create|update|delete, jobFile, fileContentType json) and
 * the JSON file; the job runs after the answer, each record its own transaction; GET
 * /services/bulk/job/status?jobId=…[&download=true] reports queued / processing / completed.
 */
import { randomUUID } from 'node:crypto';
import type { Json, JsonObject } from './recordMapping';
import { RestError } from './restErrors';
import type { RestReply } from './objectService';
import { REST_OBJECTS } from './objects';

type Operation = 'create' | 'update' | 'delete';

interface Job {
	jobId: string;
	owner: string;
	objectName: string;
	operation: Operation;
	records: Json[];
	status: 'queued' | 'processing' | 'completed' | 'failed';
	createdAt: Date;
	results: JsonObject[];
}

/** Runs one record as its own request (the REST object endpoint). */
export type RecordRunner = (method: string, path: string, body: Json | undefined) => RestReply;

function objectNameOf(raw: string): string {
	if (raw.includes('/')) return raw;
	const matches = REST_OBJECTS.filter((o) => o.name.endsWith(`/${raw}`));
	if (matches.length !== 1) throw new RestError(400, 'invalidRequest', `objectName ${raw} does not name one REST object; write application/object`);
	return matches[0].name;
}

export class BulkJobs {
	private readonly jobs = new Map<string, Job>();

	constructor(private readonly now: () => Date) {}

	create(owner: string, requestBody: Json, file: Json, run: RecordRunner, schedule: (work: () => void) => void): RestReply {
		if (requestBody === null || typeof requestBody !== 'object' || Array.isArray(requestBody)) throw new RestError(400, 'invalidRequest', 'ia::requestBody must be a JSON object');
		const operation = requestBody.operation;
		if (operation !== 'create' && operation !== 'update' && operation !== 'delete') throw new RestError(400, 'invalidRequest', 'operation must be create, update or delete');
		if (requestBody.fileContentType !== 'json') throw new RestError(400, 'invalidRequest', 'fileContentType must be json');
		if (typeof requestBody.objectName !== 'string') throw new RestError(400, 'invalidRequest', 'objectName is required');
		const objectName = objectNameOf(requestBody.objectName);
		if (!Array.isArray(file)) throw new RestError(400, 'invalidRequest', 'The job file must be a JSON array of records');
		const job: Job = { jobId: randomUUID(), owner, objectName, operation, records: file, status: 'queued', createdAt: this.now(), results: [] };
		this.jobs.set(job.jobId, job);
		schedule(() => this.runJob(job, run));
		return {
			status: 200,
			body: {
				'ia::result': { jobId: job.jobId, statusURL: `/services/bulk/job/status?jobId=${job.jobId}`, createdDateTime: job.createdAt.toISOString().replace(/\.\d{3}Z$/, '') },
				'ia::meta': { totalCount: file.length, totalSuccess: 0, totalError: 0 },
			},
		};
	}

	private runJob(job: Job, run: RecordRunner): void {
		job.status = 'processing';
		const path = `/objects/${job.objectName}`;
		for (const record of job.records) {
			let reply: RestReply;
			try {
				if (job.operation === 'create') reply = run('POST', path, record);
				else {
					const key = record !== null && typeof record === 'object' && !Array.isArray(record) ? record.key : undefined;
					if (typeof key !== 'string' && typeof key !== 'number') throw new RestError(400, 'invalidRequest', 'Each record to update or delete needs its key');
					reply = job.operation === 'update' ? run('PATCH', `${path}/${key}`, record) : run('DELETE', `${path}/${key}`, undefined);
				}
			} catch (error: unknown) {
				if (!(error instanceof RestError)) throw error;
				reply = { status: error.status, body: error.payload() };
			}
			const result: JsonObject = { 'ia::status': reply.status };
			if (reply.body !== null && reply.body['ia::result'] !== undefined) result['ia::result'] = reply.body['ia::result'];
			if (reply.body !== null && reply.body['ia::error'] !== undefined) result['ia::error'] = reply.body['ia::error'];
			job.results.push(result);
		}
		job.status = 'completed';
	}

	status(owner: string, query: URLSearchParams): RestReply {
		const jobId = query.get('jobId') ?? '';
		const job = this.jobs.get(jobId);
		if (job === undefined || job.owner !== owner) throw new RestError(404, 'notFound', `Bulk job ${jobId} status could not be found`);
		const totalSuccess = job.results.filter((r) => Number(r['ia::status']) < 300).length;
		const meta = { totalCount: job.records.length, totalSuccess, totalError: job.results.length - totalSuccess };
		if (query.get('download') === 'true') {
			if (job.status !== 'completed') throw new RestError(400, 'invalidRequest', `Bulk job ${jobId} is ${job.status}; download it when completed`);
			return { status: 200, body: { 'ia::result': job.results, 'ia::meta': meta } };
		}
		const percent = job.records.length === 0 ? 100 : Math.floor((job.results.length / job.records.length) * 100);
		const result: JsonObject = { jobId, status: job.status, percentComplete: job.status === 'completed' ? 100 : percent };
		if (job.status === 'completed') {
			result.downloadURL = `/services/bulk/job/status?jobId=${jobId}&download=true`;
			result.jobStatusFile = `${jobId}-response.json`;
		}
		return { status: 200, body: { 'ia::result': result, 'ia::meta': meta } };
	}
}
