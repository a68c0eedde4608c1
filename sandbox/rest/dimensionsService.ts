/**
 * GET /services/company-config/dimensions/list (docs: intacct-docs/rest/company-configuration.md
 * "List dimensions"): the company's dimensions from the same model as the XML gateway's
 * getDimensions (sandbox/model/reads/dimensions.ts), in the REST shape: dimensionName,
 * dimensionLabel, termName, isUserDefinedDimension, isEnabledInGL, dimensionEndpoint (the REST
 * object of a standard dimension; /objects/platform-apps/nsp::<name> for a user-defined one, as the
 * reference's example shows them).
 */
import type { ModelCalls } from './modelCalls';
import type { RestReply } from './objectService';
import type { JsonObject } from './recordMapping';
import { REST_OBJECTS } from './objects';
import { modelDimensions, userDimensionObjectName } from './platformObjects';

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

export function dimensionsList(calls: ModelCalls): RestReply {
	const list: JsonObject[] = modelDimensions(calls).map((d) => {
		const name = text(d.objectName);
		const userDefined = text(d.userDefinedDimension) === 'true';
		const standard = REST_OBJECTS.find((o) => o.xmlObject === name && !o.owned);
		const endpoint = userDefined ? `/objects/${userDimensionObjectName(name)}` : standard ? `/objects/${standard.name}` : '';
		return {
			dimensionName: name,
			dimensionLabel: text(d.objectLabel),
			termName: text(d.termLabel),
			isUserDefinedDimension: userDefined,
			isEnabledInGL: text(d.enabledInGL) === 'true',
			dimensionEndpoint: endpoint,
		};
	});
	return { status: 200, body: { 'ia::result': list, 'ia::meta': { totalCount: list.length, totalSuccess: list.length, totalError: 0 } } };
}
