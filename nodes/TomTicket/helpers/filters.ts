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
	/** A local check of what the API may not filter exactly (the protocol range). */
	accept(record: IDataObject): boolean;
}

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
	// GUESS: sent by the parameters' names (min = lowest). Equal values select one protocol under
	// either reading of the docs; for a real range the local check drops what falls outside it.
	if (from !== undefined) qs.min_protocol = from;
	if (to !== undefined) qs.max_protocol = to;
	for (const key of Object.keys(qs)) if (qs[key] === undefined) delete qs[key];

	return {
		qs,
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
		for await (const page of apiRequestPages(context, path, query.qs, itemIndex))
			yield page.filter(query.accept);
	}
	return await collect(accepted(), limit);
}
