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

/**
 * The digit strings a phone search must look for. Digisac keeps some Brazilian mobiles the way
 * WhatsApp knows them, without the 9th digit: 5541990333696 sent, 554190333696 stored
 * (github.com/douglara/digisac, spec/cassettes/Digisac/create_contact/valid_contact/
 * with_9_digits.yml). A mobile typed with its 9 (with or without country and area code) is also
 * looked for without it, and one typed without it also with it; anything else as typed. Only the
 * exact other form is added, never a shorter tail, so numbers that merely share digits with it
 * are not found (the gem's workaround, the last 8 digits, finds every area code).
 */
export function phoneSearchVariants(digits: string): string[] {
	const variants = [digits];
	const withNine = /^(55)?([1-9]{2})9([6-9]\d{7})$/.exec(digits);
	if (withNine) variants.push(`${withNine[1] ?? ''}${withNine[2]}${withNine[3]}`);
	const withoutNine = /^(55)?([1-9]{2})([6-9]\d{7})$/.exec(digits);
	if (withoutNine) variants.push(`${withoutNine[1] ?? ''}${withoutNine[2]}9${withoutNine[3]}`);
	const local = /^9([6-9]\d{7})$/.exec(digits);
	if (local) variants.push(local[1]);
	return [...new Set(variants)];
}
