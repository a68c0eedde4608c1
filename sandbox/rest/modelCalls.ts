/**
 * The REST side's only way into the company model: the model's own functions (read, readByQuery,
 * readMore, create, update, delete) through CompanyModel.execute, so both protocols share one
 * model and its rules (sandbox/model/contract.ts).
 */
import { BusinessError, type CallContext, type CompanyModel, type FunctionOutcome, type RenderRecord, type XmlElement } from '../model/contract';
import { RestError } from './restErrors';

export function element(name: string, content: string | XmlElement[] = ''): XmlElement {
	return typeof content === 'string' ? { name, attributes: {}, children: [], text: content } : { name, attributes: {}, children: content, text: '' };
}

export class ModelCalls {
	constructor(
		readonly company: CompanyModel,
		readonly ctx: CallContext,
	) {}

	execute(fn: XmlElement, verb: string, objectName: string): FunctionOutcome {
		try {
			return this.company.execute(this.ctx, fn);
		} catch (error: unknown) {
			if (error instanceof BusinessError) throw RestError.business(verb, objectName, error.errors);
			throw error;
		}
	}

	/** Every record of a model object (readByQuery + readMore until drained), with the given fields. */
	readAll(xmlObject: string, fields = '*', objectName = xmlObject): RenderRecord[] {
		const out: RenderRecord[] = [];
		let outcome = this.execute(
			element('readByQuery', [element('object', xmlObject), element('fields', fields), element('query', ''), element('pagesize', '1000')]),
			'read',
			objectName,
		);
		for (;;) {
			if (outcome.kind !== 'data') return out;
			for (const r of outcome.records) out.push(r.fields);
			const remaining = Number(outcome.attributes.numremaining ?? '0');
			const resultId = outcome.attributes.resultId ?? '';
			if (!(remaining > 0) || resultId === '') return out;
			outcome = this.execute(element('readMore', [element('resultId', resultId)]), 'read', objectName);
		}
	}

	/** Full records by RECORDNO (read, ≤100 keys per call). */
	readKeys(xmlObject: string, keys: string[], objectName = xmlObject): RenderRecord[] {
		const out: RenderRecord[] = [];
		for (let i = 0; i < keys.length; i += 100) {
			const outcome = this.execute(
				element('read', [element('object', xmlObject), element('keys', keys.slice(i, i + 100).join(',')), element('fields', '*')]),
				'read',
				objectName,
			);
			if (outcome.kind === 'data') for (const r of outcome.records) out.push(r.fields);
		}
		return out;
	}
}
