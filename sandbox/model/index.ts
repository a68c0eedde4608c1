/**
 * The sandbox's domain model: `createCompany()` builds the demo company "Hopewell Community
 * Services" (or restores a saved state) behind the CompanyModel contract (contract.ts).
 */
import { Company, isCompanyStateJson, type CompanyIdentity } from './company';
import { SANDBOX_LOGIN, type CompanyFactoryOptions, type CompanyModel } from './contract';
import { Database, isDatabaseJson } from './database';
import { CLOSED_BEFORE, DEFAULT_HISTORY_ENTRIES, seedHopewell } from './seed/hopewell';

export const HOPEWELL_IDENTITY: CompanyIdentity = {
	companyId: SANDBOX_LOGIN.companyId,
	authorisedSenders: ['n8n_sandbox'],
	users: [
		{ userId: SANDBOX_LOGIN.userId, password: SANDBOX_LOGIN.userPassword, entities: [] },
		{ userId: SANDBOX_LOGIN.entityUserId, password: SANDBOX_LOGIN.entityUserPassword, entities: ['200'] },
	],
};

export function createCompany(options: CompanyFactoryOptions = {}): CompanyModel & Company {
	if (options.state !== undefined) {
		if (!isCompanyStateJson(options.state) || !isDatabaseJson(options.state.database)) throw new Error('createCompany: state is not a value produced by CompanyModel.toJSON()');
		const db = new Database();
		db.load(options.state.database);
		return new Company(db, options.state.identity, options.state.settings);
	}
	const db = seedHopewell(options.seed ?? 1, options.glEntryTarget ?? DEFAULT_HISTORY_ENTRIES);
	return new Company(db, HOPEWELL_IDENTITY, { billNumberRequired: false, closedBefore: CLOSED_BEFORE });
}

export type { Company } from './company';
