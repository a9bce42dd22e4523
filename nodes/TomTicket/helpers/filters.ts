import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collect } from '../../shared/paging';
import { toList } from '../../shared/parameters';
import { apiRequestPages } from '../transport';

import { LAST_UPDATE_MAX_DAYS } from './constants';
import { dateParameter, parseDateInput } from './dates';

function protocolNumber(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): number | undefined {
	// 0 is the number field's default: protocols start at 1, so it means "not set".
	if (value === undefined || value === null || value === '' || value === 0) return undefined;
	const number = Number(String(value).replace(/^#\s*/, ''));
	if (!Number.isInteger(number) || number < 0) {
		throw new NodeOperationError(context.getNode(), `"${label}" must be a protocol number`, {
			itemIndex,
			description: `Item ${itemIndex} gave ${JSON.stringify(value)}.`,
		});
	}
	return number;
}

interface ListQuery {
	qs: IDataObject;
	/** The same query with min_protocol and max_protocol swapped, for a range (see listQuery). */
	swappedQs?: IDataObject;
	/** A local check of what the API may not filter exactly (the protocol range). */
	accept(record: IDataObject): boolean;
}

/** The highest value of TomTicket's Int parameters: the open end of a one-sided range. */
const MAX_PROTOCOL = 2_147_483_647;

/**
 * The query of a ticket or chat list from the node's filters. Filters the API documents go in
 * the query string; the protocol range is also checked locally, because the meaning of
 * `min_protocol`/`max_protocol` is documented inverted.
 */
export function listQuery(
	context: IExecuteFunctions,
	filters: IDataObject,
	itemIndex: number,
): ListQuery {
	const qs: IDataObject = {};
	const customerId = String(filters.customerId ?? '').trim();
	if (customerId) {
		qs.customer_id = customerId;
		// The list endpoints spell it customer_type_id (ticket/new says customer_id_type).
		const chosen = filters.customerIdType;
		qs.customer_type_id =
			chosen === 'I' || chosen === 'E' ? chosen : /^[^@\s]+@[^@\s]+$/.test(customerId) ? 'E' : 'I';
	}
	if (filters.departmentId) qs.department_id = String(filters.departmentId);
	if (filters.organizationId) qs.organization_id = String(filters.organizationId);
	if (filters.categoryId) qs.category_id = String(filters.categoryId);
	if (filters.statusId) qs.status_id = String(filters.statusId).trim();
	const situations = toList(filters.situation);
	if (situations.length) qs.situation = situations.join(',');

	qs.creation_date_ge = dateParameter(context, filters.createdAfter, 'Created After', itemIndex);
	qs.creation_date_le = dateParameter(context, filters.createdBefore, 'Created Before', itemIndex);
	if (filters.updatedAfter !== undefined && filters.updatedAfter !== '') {
		const updatedAfter = parseDateInput(filters.updatedAfter, context.getTimezone());
		if (updatedAfter && updatedAfter.toMillis() < Date.now() - LAST_UPDATE_MAX_DAYS * 86_400_000) {
			throw new NodeOperationError(
				context.getNode(),
				`"Updated After" can be at most ${LAST_UPDATE_MAX_DAYS} days ago`,
				{
					itemIndex,
					description: `TomTicket refuses a last-update filter older than ${LAST_UPDATE_MAX_DAYS} days. Use "Created After" for older periods.`,
				},
			);
		}
		qs.last_update_ge = dateParameter(context, filters.updatedAfter, 'Updated After', itemIndex);
	}

	const exact = protocolNumber(context, filters.protocol, 'Protocol', itemIndex);
	let from = protocolNumber(context, filters.protocolFrom, 'Protocol From', itemIndex);
	let to = protocolNumber(context, filters.protocolTo, 'Protocol To', itemIndex);
	if (exact !== undefined) {
		from = exact;
		to = exact;
	}
	// GUESS: TomTicket's help center (kb/chats/consultar-chats) documents min_protocol as "less
	// than or equal" and max_protocol as "greater than or equal", the opposite of the names, and
	// third parties only ever send equal values, which mean one protocol under either reading. A
	// range (one-sided ranges get the other bound: 0 or MAX_PROTOCOL) is sent as the names suggest
	// (min = lowest); under the other reading that asks for "≤ lowest and ≥ highest", which is
	// always empty, so an empty first page is followed by the same query with the bounds swapped.
	// Either way one of the two orders is right and the other finds nothing; the local check
	// drops anything outside the range whatever the API did.
	const ranged = from !== undefined || to !== undefined;
	const lowest = from ?? 0;
	const highest = to ?? MAX_PROTOCOL;
	if (ranged) {
		qs.min_protocol = lowest;
		qs.max_protocol = highest;
	}
	for (const key of Object.keys(qs)) if (qs[key] === undefined) delete qs[key];
	const swappedQs =
		ranged && lowest !== highest
			? { ...qs, min_protocol: highest, max_protocol: lowest }
			: undefined;

	return {
		qs,
		swappedQs,
		accept(record) {
			if (from === undefined && to === undefined) return true;
			const protocol = Number(record.protocol);
			if (!Number.isFinite(protocol)) return true;
			return (from === undefined || protocol >= from) && (to === undefined || protocol <= to);
		},
	};
}

/** Pages through a list, keeping what `accept` allows, and stops as soon as `limit` is reached. */
export async function listRecords(
	context: IExecuteFunctions,
	path: string,
	query: ListQuery,
	limit: number | undefined,
	itemIndex: number,
): Promise<IDataObject[]> {
	async function* accepted() {
		let listed = 0;
		for await (const page of apiRequestPages(context, path, query.qs, itemIndex)) {
			listed += page.length;
			yield page.filter(query.accept);
		}
		// Nothing at all under the names' reading of a protocol range: try the documented one.
		if (listed === 0 && query.swappedQs) {
			for await (const page of apiRequestPages(context, path, query.swappedQs, itemIndex))
				yield page.filter(query.accept);
		}
	}
	return await collect(accepted(), limit);
}
