/**
 * The document template: valid JSON once Intacct fills the merge fields, adapted to the options, and
 * the node panel's expression renders exactly what the exported generator renders.
 */
import { recordedGlEntryFields } from '../../support/recorded/recordings';
import { Expression } from 'n8n-workflow';

import {
	buildDocumentTemplate,
	documentTemplateExpression,
	type DocumentTemplateOptions,
} from '../../../nodes/SageIntacctTrigger/documentTemplate';
import { SageIntacctTrigger } from '../../../nodes/SageIntacctTrigger/SageIntacctTrigger.node';

/** Fills merge fields the way Intacct's JSON encoding does (value JSON-escaped inside the quotes). */
function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{!GLENTRY\.([A-Z0-9_]+)!\}/g, (_m, field: string) => JSON.stringify(values[field] ?? '').slice(1, -1));
}

describe('buildDocumentTemplate', () => {
	it('is valid JSON after merging, even with quotes and backslashes in values', () => {
		const text = fill(buildDocumentTemplate({ event: 'created', userDimension: 'FUNDINGSOURCE', accessKeyInBody: true, accessKey: 'k' }), {
			RECORDNO: '12',
			DESCRIPTION: 'He said "hi" \\ bye',
		});
		const body = JSON.parse(text);
		expect(body).toMatchObject({ object: 'GLENTRY', event: 'created', accessKey: 'k' });
		expect(body.record.RECORDNO).toBe('12');
		expect(body.record.DESCRIPTION).toBe('He said "hi" \\ bye');
	});

	it('carries every field users asked for', () => {
		const text = buildDocumentTemplate({ userDimension: 'FUNDINGSOURCE', accessKeyInBody: false });
		for (const field of [
			'RECORDNO', 'BATCHNO', 'ACCOUNTNO', 'AMOUNT', 'TR_TYPE', 'ENTRY_DATE', 'BATCH_DATE', 'WHENMODIFIED', 'STATE',
			'DESCRIPTION', 'DEPARTMENT', 'LOCATION', 'CLASSID', 'PROJECTID', 'CUSTOMERID', 'VENDORID', 'EMPLOYEEID', 'ITEMID',
			'GLDIMFUNDINGSOURCE',
		]) {
			expect(text).toContain(`"${field}": "{!GLENTRY.${field}!}"`);
		}
	});

	it('merges only fields a real GLENTRY has: no JOURNAL, no MEGAENTITYID (issue 11, item 3)', () => {
		const text = buildDocumentTemplate({ userDimension: 'FUNDINGSOURCE', accessKeyInBody: false });
		expect(text).not.toContain('{!GLENTRY.JOURNAL!}');
		expect(text).not.toContain('{!GLENTRY.MEGAENTITYID!}');
		const recorded = recordedGlEntryFields();
		for (const [, field] of text.matchAll(/\{!GLENTRY\.([A-Z_]+)!\}/g)) {
			if (field.startsWith('GLDIM')) continue;
			expect(recorded).toContain(field);
		}
	});

	it('adapts to the options', () => {
		const noExtras = JSON.parse(buildDocumentTemplate({ userDimension: '', accessKeyInBody: false }));
		expect(noExtras.event).toBeUndefined();
		expect(noExtras.accessKey).toBeUndefined();
		expect(Object.keys(noExtras.record).some((k) => k.startsWith('GLDIM'))).toBe(false);
		const grant = JSON.parse(buildDocumentTemplate({ event: 'deleted', userDimension: 'gldimGrant', accessKeyInBody: true }));
		expect(grant.event).toBe('deleted');
		expect(grant.accessKey).toMatch(/PASTE/);
		expect(grant.record.GLDIMGRANT).toBe('{!GLENTRY.GLDIMGRANT!}');
	});
});

describe('the template shown in the node panel', () => {
	const combos: Array<[Record<string, string>, DocumentTemplateOptions]> = [
		[
			{ intacctTriggers: 'onePerEvent', accessKeyLocation: 'body', userDimension: 'fund', accessKey: 'a"b\\c{}', templateEvent: 'updated' },
			{ event: 'updated', userDimension: 'fund', accessKeyInBody: true, accessKey: 'a"b\\c{}' },
		],
		[
			{ intacctTriggers: 'oneForAllEvents', accessKeyLocation: 'query', userDimension: '', accessKey: 'x', templateEvent: 'created' },
			{ userDimension: '', accessKeyInBody: false },
		],
		[
			{ intacctTriggers: 'onePerEvent', accessKeyLocation: 'header', userDimension: 'FUNDINGSOURCE', accessKey: '', templateEvent: 'deleted' },
			{ event: 'deleted', userDimension: 'FUNDINGSOURCE', accessKeyInBody: false },
		],
		[
			{ intacctTriggers: 'oneForAllEvents', accessKeyLocation: 'body', userDimension: 'GLDIMX', accessKey: '', templateEvent: 'created' },
			{ userDimension: 'X', accessKeyInBody: true },
		],
	];

	it.each(combos)('parameters %j render the generator output', (parameters, options) => {
		const expression = documentTemplateExpression();
		// Three holes (event, access key, dimension); everything else is the template's own text.
		expect(expression.match(/\{\{/g)).toHaveLength(3);
		expect(expression.match(/\}\}/g)).toHaveLength(3);
		const rendered = Expression.resolveWithoutWorkflow(expression.slice(1), { $parameter: parameters });
		expect(rendered).toBe(buildDocumentTemplate(options));
	});

	it('reads as the template: outside its three holes the field shows the generator\'s text line for line', () => {
		const shown = documentTemplateExpression().slice(1).replace(/\{\{[\s\S]*?\}\}/g, '');
		const withoutOptionalLines = buildDocumentTemplate({ userDimension: '', accessKeyInBody: false });
		expect(shown).toBe(withoutOptionalLines);
	});

	it('is the default of the Document Template parameter', () => {
		const property = new SageIntacctTrigger().description.properties.find((p) => p.name === 'documentTemplate');
		expect(property?.default).toBe(documentTemplateExpression());
	});
});
