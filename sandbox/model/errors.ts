/**
 * The model's error catalogue: Intacct error numbers and texts (§3.3, §3.6) in one place. Write
 * failures are a chain: the specific error first, then the BL01001973 wrapper (§3.3, §12.13).
 * Texts marked UNCERTAIN in the spec are the sandbox's own realistic choice (docs/sandbox-model.md).
 */
import { BusinessError, type ApiError } from './contract';

export type WriteVerb = 'create' | 'update' | 'delete';

/** One specific business error (not yet wrapped). */
export function businessError(errorno: string, description2: string, correction = ''): ApiError {
	return { errorno, description: '', description2, correction };
}

/** A failed write: the specific errors then "Could not <verb> <label> record!" (BL01001973). */
export function writeFailure(verb: WriteVerb, objectLabel: string, errors: ApiError[]): BusinessError {
	return new BusinessError([
		...errors,
		{ errorno: 'BL01001973', description: '', description2: `Could not ${verb} ${objectLabel} record!`, correction: '' },
	]);
}

/** Thrown inside write handlers; the dispatcher wraps it with BL01001973 for the object being written. */
export class RuleViolation extends Error {
	constructor(public readonly errors: ApiError[]) {
		super(errors.map((e) => e.description2).join(' - '));
		this.name = 'RuleViolation';
	}
}

export function violation(errorno: string, description2: string, correction = ''): RuleViolation {
	return new RuleViolation([businessError(errorno, description2, correction)]);
}

/** BL34000061: uniqueness violation (§3.3; the double space before "already" is what the gateway sends). */
export function duplicate(objectLabel: string, value: string): RuleViolation {
	return violation('BL34000061', `Another ${objectLabel} with the given value(s) ${value}  already exists`, 'Use a unique value instead.');
}

/** Read-side failures use the literal errorno "Query Failed" (§3.5, §12.13). */
export function queryFailed(description2: string, correction = ''): BusinessError {
	return new BusinessError([{ errorno: 'Query Failed', description: '', description2, correction }]);
}

/** Legacy functions validate their element order against the XSD sequence (§1.6, §5.3, §12.7). */
export function schemaError(description2: string): BusinessError {
	return new BusinessError([{ errorno: 'XL03000003', description: '', description2, correction: '' }]);
}

// Specific business rules, numbered as the spec reports them or chosen realistically (UNCERTAIN).
export const RULES = {
	/** §3.6 (intacct-sdk-js #86). */
	billNumberRequired: () => violation('BL03002128', 'Enter a Bill number, and try again.'),
	/** UNCERTAIN text (§5.2): the sandbox's choice. */
	unbalanced: (debits: string, credits: string, scope: string) =>
		violation(
			'BL03000061',
			`The transaction is not balanced${scope}. Debits ${debits} do not equal credits ${credits}.`,
			'Make sure the total debits equal the total credits, and try again.',
		),
	/** §3.6: no code observed; BL03000127 is the sandbox's choice. */
	closedPeriod: (date: string) =>
		violation(
			'BL03000127',
			`Your transaction date ${date} is within a period that's been closed.`,
			'Change the transaction date to a date in an open period, or reopen the period.',
		),
	required: (fieldId: string) => violation('BL03000018', `Required field ${fieldId} is missing.`, `Provide a value for ${fieldId}, and try again.`),
	invalidDate: (fieldId: string, value: string) =>
		violation('BL03000017', `Invalid date '${value}' for field ${fieldId}.`, 'Use the format mm/dd/yyyy, for example 06/30/2025.'),
	invalidValue: (fieldId: string, value: string, expected?: string) =>
		violation(
			'BL03000020',
			`Invalid value '${value}' for field ${fieldId}.${expected ? ` Expected values: [${expected}].` : ''}`,
			'Correct the value, and try again.',
		),
	unknownReference: (objectLabel: string, fieldId: string, value: string) =>
		violation('BL03000015', `${objectLabel} '${value}' given for ${fieldId} does not exist or is inactive.`, `Use an existing ${objectLabel}, and try again.`),
	notFound: (objectLabel: string, key: string, verb: WriteVerb) =>
		violation('BL01001973', `Cannot find ${objectLabel.toLowerCase()} with key '${key}' to ${verb}.`),
	locationOutsideEntity: (locationId: string, entityId: string) =>
		violation('BL03000020', `Location ${locationId} does not belong to entity ${entityId}.`, `Use a location of entity ${entityId}, or sign in at the top level.`),
	locationWithoutEntity: (locationId: string) =>
		violation('BL03000020', `Location ${locationId} does not belong to an entity.`, 'Use a location under entity 100 or 200.'),
	tooFewLines: (objectLabel: string, minimum: number) =>
		violation('BL03000018', `A ${objectLabel} needs at least ${minimum} line${minimum === 1 ? '' : 's'}.`, 'Add the lines, and try again.'),
	/** Draft and Posted entries can be updated (reference); other states refused. Code and text invented (docs/fidelity.md). */
	postedNotEditable: (recordNo: string, state: string) =>
		violation('BL03000134', `Journal entry ${recordNo} is ${state} and cannot be changed.`, 'Only Draft or Posted journal entries can be changed.'),
	subledgerOwned: (recordNo: string) =>
		violation('BL03000135', `Journal entry ${recordNo} was posted by Accounts Payable.`, 'Change or delete the AP bill instead.'),
	/** Number and text invented (docs/fidelity.md): nothing public records Intacct's answer to an unknown field on create. */
	unknownField: (objectName: string, fieldId: string, where = '') =>
		violation('BL03000020', `Field ${fieldId} is not a field of ${objectName}${where}.`, 'Use the field names lookup lists for this object, and try again.'),
	readonlyField: (objectName: string, fieldId: string, where = '') =>
		violation('BL03000020', `Field ${fieldId} of ${objectName} is read-only${where}.`, 'Leave out read-only fields, and try again.'),
	readonlyObject: (objectName: string, verb: WriteVerb) =>
		violation('BL01001973', `${verb} is not supported on ${objectName}: it is a read-only object.`),
} as const;
