/**
 * Multi-entity visibility (§8). Every stored row carries MEGAENTITYID: '' for top-level records,
 * else the entity it was created in. An entity session sees its own rows and top-level (shared)
 * rows; the top level sees everything for read/readByName/readByQuery, while `query` at the top
 * level hides entity-private rows unless <showprivate>true</showprivate> (§4.4).
 */
import type { CallContext } from './contract';
import type { Row } from './store';

export function visibleTo(ctx: CallContext, row: Row, showPrivate = true): boolean {
	const owner = row.MEGAENTITYID ?? '';
	if (ctx.entityId === '') return showPrivate || owner === '';
	return owner === '' || owner === ctx.entityId;
}
