import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { isObject } from '../../shared/json';
import { pathSegment } from '../../shared/parameters';
import { apiRequest } from '../transport';

/** What the trigger adds to an item: the contact's name and number, named like `contactId`. */
export interface ContactFields {
	contactName?: string;
	contactNumber?: string;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() ? value : undefined;
}

/**
 * A contact object's name and number, as Digisac's contact answers carry them (recorded
 * `GET /v1/contacts/{id}`: `name`, `alternativeName`, `internalName`, and the number in
 * `data.number`).
 */
function fieldsOf(contact: IDataObject): ContactFields {
	const fields: ContactFields = {};
	const name = text(contact.name) ?? text(contact.alternativeName) ?? text(contact.internalName);
	if (name) fields.contactName = name;
	const number = isObject(contact.data) ? contact.data.number : undefined;
	if (typeof number === 'string' && number) fields.contactNumber = number;
	else if (typeof number === 'number' && Number.isFinite(number))
		fields.contactNumber = String(number);
	return fields;
}

/**
 * The contact a delivery is about and what it already says about it: a contact event's data is
 * the contact; other events name it by `contactId` and may include it (`contact`, or the
 * message's `contact` in a bot command).
 */
export function contactOfDelivery(
	event: string,
	data: IDataObject,
): { id?: string; known: ContactFields } {
	if (event.startsWith('contact.')) return { id: text(data.id), known: fieldsOf(data) };
	const message = isObject(data.message) ? data.message : undefined;
	const included = isObject(data.contact)
		? data.contact
		: message && isObject(message.contact)
			? message.contact
			: undefined;
	return {
		id: text(data.contactId) ?? text(message?.contactId),
		known: included ? fieldsOf(included) : {},
	};
}

/** Whether the delivery already gave both fields, so no lookup is needed. */
export function isComplete(fields: ContactFields): boolean {
	return fields.contactName !== undefined && fields.contactNumber !== undefined;
}

/**
 * One GET /api/v1/contacts/{id} for what the delivery did not carry. Never throws: a failed
 * lookup (contact deleted, Digisac down, a token without access) leaves the fields out, and the
 * execution starts anyway.
 */
export async function lookUpContact(
	context: IWebhookFunctions,
	contactId: string,
): Promise<ContactFields> {
	try {
		const contact = await apiRequest<unknown>(
			context,
			'GET',
			`/api/v1/contacts/${pathSegment(context, contactId, 'contactId')}`,
		);
		return isObject(contact) ? fieldsOf(contact) : {};
	} catch {
		return {};
	}
}
