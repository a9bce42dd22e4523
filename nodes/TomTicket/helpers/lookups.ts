import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject, objectOf } from '../../shared/json';
import type { RequestContext } from '../../shared/transport';
import { apiRequest, listData } from '../transport';

/** Lookups are cached for one execution (keyed by its context), never across executions. */
const protocolCache = new WeakMap<object, Map<string, string>>();
const departmentCache = new WeakMap<object, Promise<IDataObject[]>>();

/** A resource locator's mode and value, whatever form the parameter arrived in. */
function locatorParts(raw: unknown): { mode: string; value: string } {
	if (isObject(raw)) {
		const locator = raw as unknown as INodeParameterResourceLocator;
		return { mode: String(locator.mode ?? 'id'), value: String(locator.value ?? '').trim() };
	}
	return { mode: 'id', value: raw === undefined || raw === null ? '' : String(raw).trim() };
}

interface ProtocolLookup {
	path: '/ticket/list' | '/chat/list';
	noun: 'ticket' | 'chat';
}

/**
 * Turns a protocol number into the hash id the API wants. TomTicket has no exact protocol filter;
 * `min_protocol` and `max_protocol` are documented with inverted meanings, so both are sent with
 * the same value, which selects exactly that protocol under either reading.
 */
async function idForProtocol(
	context: IExecuteFunctions,
	lookup: ProtocolLookup,
	protocolText: string,
	itemIndex: number,
): Promise<string> {
	const protocol = protocolText.replace(/^#\s*/, '');
	if (!/^\d+$/.test(protocol)) {
		throw new NodeOperationError(
			context.getNode(),
			`"${protocolText}" is not a ${lookup.noun} protocol number`,
			{
				itemIndex,
				description: 'A protocol is the number TomTicket shows to the customer, for example 12345.',
			},
		);
	}
	let cache = protocolCache.get(context);
	if (!cache) {
		cache = new Map();
		protocolCache.set(context, cache);
	}
	const key = `${lookup.path}|${protocol}`;
	const cached = cache.get(key);
	if (cached) return cached;

	const body = await apiRequest(context, 'GET', lookup.path, {
		qs: { min_protocol: protocol, max_protocol: protocol },
		itemIndex,
	});
	const match = listData(body).find((record) => String(record.protocol ?? '') === protocol);
	const id = match?.id === undefined || match.id === null ? '' : String(match.id);
	if (!id) {
		throw new NodeOperationError(
			context.getNode(),
			`No ${lookup.noun} with protocol ${protocol} was found`,
			{
				itemIndex,
				description: `TomTicket's ${lookup.noun} list has no protocol ${protocol}. Check the number; a ${lookup.noun} created a few seconds ago can take a moment to appear in the list.`,
			},
		);
	}
	cache.set(key, id);
	return id;
}

async function resolveLocator(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	lookup: ProtocolLookup,
): Promise<string> {
	const { mode, value } = locatorParts(context.getNodeParameter(name, itemIndex, ''));
	if (!value) {
		throw new NodeOperationError(
			context.getNode(),
			`"${lookup.noun === 'ticket' ? 'Ticket' : 'Chat'}" is required`,
			{
				itemIndex,
				description: `Item ${itemIndex} has no ${lookup.noun}. Pick one from the list, or give its ID or protocol number.`,
			},
		);
	}
	if (mode === 'protocol') return await idForProtocol(context, lookup, value, itemIndex);
	return value;
}

/** The ticket's hash id from the `ticketId` locator (list, hash id, or protocol number). */
export async function resolveTicketId(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'ticketId',
): Promise<string> {
	return await resolveLocator(context, name, itemIndex, { path: '/ticket/list', noun: 'ticket' });
}

/** The chat's hash id from the `chatId` locator (list, hash id, or protocol number). */
export async function resolveChatId(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'chatId',
): Promise<string> {
	return await resolveLocator(context, name, itemIndex, { path: '/chat/list', noun: 'chat' });
}

/**
 * The customer id and its type. TomTicket identifies a customer by your internal id (I) or by
 * e-mail (E). When the type is not chosen, a value that looks like an e-mail address is sent as one.
 */
export function customerIdentity(
	context: IExecuteFunctions,
	itemIndex: number,
	chosenType: unknown,
): { customerId: string; customerIdType: 'I' | 'E' } {
	const { value } = locatorParts(context.getNodeParameter('customerId', itemIndex, ''));
	if (!value) {
		throw new NodeOperationError(context.getNode(), '"Customer" is required', {
			itemIndex,
			description: `Item ${itemIndex} has no customer. Give the customer's internal ID (e.g. CPF/CNPJ) or e-mail address.`,
		});
	}
	if (chosenType === 'I' || chosenType === 'E')
		return { customerId: value, customerIdType: chosenType };
	return { customerId: value, customerIdType: /^[^@\s]+@[^@\s]+$/.test(value) ? 'E' : 'I' };
}

/** Every department with its categories, operators and custom fields (one call, cached). */
export async function nestedDepartments(
	context: RequestContext,
	itemIndex?: number,
): Promise<IDataObject[]> {
	let pending = departmentCache.get(context);
	if (!pending) {
		pending = apiRequest(context, 'GET', '/department/list', {
			qs: { show_nested_items: 1 },
			itemIndex,
		}).then(listData);
		departmentCache.set(context, pending);
		pending.catch(() => departmentCache.delete(context));
	}
	return await pending;
}

/**
 * Operators of all departments, merged and de-duplicated by id (TomTicket has no global operator
 * list). Each carries the departments it belongs to.
 */
export function mergeOperators(departments: IDataObject[]): IDataObject[] {
	const byId = new Map<string, IDataObject>();
	for (const department of departments) {
		const operators = Array.isArray(department.operators)
			? (department.operators as unknown[])
			: [];
		for (const raw of operators) {
			const operator = objectOf(raw);
			if (operator.id === undefined || operator.id === null || operator.id === '') continue;
			const id = String(operator.id);
			let merged = byId.get(id);
			if (!merged) {
				merged = { ...operator, departments: [] };
				byId.set(id, merged);
			}
			(merged.departments as IDataObject[]).push({
				id: department.id ?? null,
				name: department.name ?? null,
			});
		}
	}
	return [...byId.values()];
}

/**
 * Custom fields of `GET /custom_field/department/list`: the docs say `data` holds them, a
 * third-party client reads `data.ticket[]`; both shapes are accepted.
 */
export function customFieldList(body: IDataObject): IDataObject[] {
	const data = body.data;
	if (Array.isArray(data)) return data.map(objectOf);
	const object = objectOf(data);
	for (const key of ['ticket', 'tickets', 'custom_fields']) {
		if (Array.isArray(object[key])) return (object[key] as unknown[]).map(objectOf);
	}
	return listData(body).filter((record) => record.id !== undefined);
}
