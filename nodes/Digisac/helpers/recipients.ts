import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireString } from '../../shared/parameters';
import { invalidPhoneError, normalizePhone } from '../../shared/phone';

/** A phone number as Digisac stores it: digits with the country code. */
export function phoneDigits(
	context: IExecuteFunctions,
	value: string,
	label: string,
	itemIndex: number,
): string {
	const check = normalizePhone(value);
	if (!check.ok) throw invalidPhoneError(context.getNode(), label, check.problem, itemIndex);
	return check.digits;
}

/**
 * Who a message goes to: an existing contact (`contactId`), or a phone number on a connection
 * (`number` + `serviceId`), which Digisac uses for contacts it does not know yet.
 */
export function readRecipient(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const sendTo = context.getNodeParameter('sendTo', itemIndex, 'contact') as string;
	if (sendTo === 'number') {
		const number = phoneDigits(
			context,
			requireString(context, 'number', itemIndex),
			'Phone Number',
			itemIndex,
		);
		return { number, serviceId: requireString(context, 'serviceId', itemIndex) };
	}
	return { contactId: requireString(context, 'contactId', itemIndex) };
}
