/**
 * A scripted CompanyModel for testing the protocol layer on its own (the real model is exercised by
 * the end-to-end and conformance suites). Functions it understands:
 *   <echo/>                      -> data with the caller's context
 *   <write><id>X</id><amount>..</amount><description>..</description></write>
 *                                -> stores GLENTRY X, emits a create ChangeEvent, returns <key>X</key>
 *   <fail/>                      -> BusinessError chain (BL03000018 then BL01001973)
 *   <boom/>                      -> an unexpected exception (sandbox bug path)
 */
import { BusinessError, type ChangeEvent, type CompanyModel, type FunctionOutcome, SANDBOX_LOGIN } from '../../../sandbox/model/contract';

export interface ScriptedCompany extends CompanyModel {
	readonly rows: Array<{ id: string; amount: string; description: string }>;
	readonly executed: string[];
	readonly expiredResultIdCalls: number;
}

export function scriptedCompany(initial: Array<{ id: string; amount: string; description: string }> = []): ScriptedCompany {
	let rows = [...initial];
	const executed: string[] = [];
	const listeners = new Set<(event: ChangeEvent) => void>();
	let expiredResultIdCalls = 0;
	return {
		companyId: SANDBOX_LOGIN.companyId,
		settings: { billNumberRequired: false },
		get rows() {
			return rows;
		},
		get executed() {
			return executed;
		},
		get expiredResultIdCalls() {
			return expiredResultIdCalls;
		},
		authorisedSenders: () => [SANDBOX_LOGIN.senderId],
		users: () => [
			{ userId: SANDBOX_LOGIN.userId, password: SANDBOX_LOGIN.userPassword, entities: [] },
			{ userId: SANDBOX_LOGIN.entityUserId, password: SANDBOX_LOGIN.entityUserPassword, entities: ['200'] },
		],
		entities: () => [...SANDBOX_LOGIN.entities],
		execute(ctx, fnEl): FunctionOutcome {
			executed.push(fnEl.name);
			const text = (name: string): string => fnEl.children.find((c) => c.name === name)?.text ?? '';
			switch (fnEl.name) {
				case 'echo':
					return {
						kind: 'data',
						listType: 'echo',
						attributes: { count: '1' },
						records: [{ element: 'echo', fields: { USERID: ctx.userId, ENTITY: ctx.entityId, NOW: ctx.now.toISOString(), NESTED: { ITEM: [{ N: '1' }, { N: '2' }] } } }],
					};
				case 'write': {
					const row = { id: text('id'), amount: text('amount'), description: text('description') };
					rows = [...rows, row];
					const event: ChangeEvent = {
						object: 'GLENTRY',
						kind: 'create',
						recordNo: row.id,
						entityId: ctx.entityId,
						fields: { RECORDNO: row.id, AMOUNT: row.amount, DESCRIPTION: row.description, ENTRIES: [{ X: '1' }] },
					};
					for (const listener of listeners) listener(event);
					return { kind: 'key', key: row.id };
				}
				case 'fail':
					throw new BusinessError([
						{ errorno: 'BL03000018', description: '', description2: 'Scripted failure', correction: 'Fix it.' },
						{ errorno: 'BL01001973', description: '', description2: 'Could not create GLBATCH record!', correction: '' },
					]);
				case 'boom':
					throw new Error('scripted bug');
				default:
					throw new BusinessError([{ errorno: 'XL03000003', description2: `Unknown function ${fnEl.name}` }]);
			}
		},
		snapshot: () => [...rows],
		restore(snapshot: unknown) {
			rows = [...(snapshot as typeof rows)];
		},
		onChange(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		expireResultIds() {
			expiredResultIdCalls += 1;
		},
		toJSON: () => ({ rows }),
	};
}
