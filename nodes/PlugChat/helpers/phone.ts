import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { labelFor, locatorValue, toList } from '../../shared/parameters';
import { invalidPhoneError, normalizePhone, PHONE_ADVICE } from '../../shared/phone';

import { quoted } from './text';

/**
 * WhatsApp group ids as PlugChat shows them: "120363019502650977-group" (groups created since
 * November 2021) or the older "<creator phone>-<timestamp>" ("5511999999999-1623281429").
 */
const GROUP_ID = /^\d{5,20}-(group|\d{6,13})$/;

export function isGroupId(value: string): boolean {
	return GROUP_ID.test(value.trim());
}

const GROUP_HINT =
	'Group IDs look like 120363019502650977-group (see Chat > Get Many or Group > Get Metadata).';

/**
 * Turns a phone number (or, where the API accepts one, a group id) into the form PlugChat wants:
 * digits only with the country code, or the group id unchanged.
 */
export function toPlugChatPhone(
	context: IExecuteFunctions,
	raw: string,
	itemIndex: number,
	label: string,
	options: { allowGroup?: boolean } = {},
): string {
	const value = raw.trim();
	if (options.allowGroup !== false && isGroupId(value)) return value;
	const check = normalizePhone(value);
	if (!check.ok) {
		const extra =
			options.allowGroup === false
				? isGroupId(value)
					? "This field takes a person's number, not a group ID."
					: ''
				: GROUP_HINT;
		throw invalidPhoneError(context.getNode(), label, check.problem, itemIndex, extra);
	}
	return check.digits;
}

/** The field's label in messages: the main recipient field is shown as "Phone Number". */
function phoneLabel(name: string): string {
	return name === 'phone' ? 'Phone Number' : labelFor(name);
}

/** Reads a phone parameter (plain text or resource locator) and normalises it. */
export function readPhone(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'phone',
	options: { allowGroup?: boolean } = {},
): string {
	const raw = locatorValue(context, name, itemIndex);
	if (!raw) {
		throw new NodeOperationError(context.getNode(), `"${phoneLabel(name)}" is required`, {
			itemIndex,
			description: `Item ${itemIndex} has no value for "${phoneLabel(name)}". ${PHONE_ADVICE}`,
		});
	}
	return toPlugChatPhone(context, raw, itemIndex, phoneLabel(name), options);
}

/** Reads a list of people's phone numbers ("5511..., 5521..." or an array from an expression). */
export function readPhoneList(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'phones',
): string[] {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	// Newlines separate numbers as well as commas; a formatted number never contains either.
	const parts = Array.isArray(raw) ? toList(raw) : toList(String(raw ?? '').replace(/[\n;]/g, ','));
	if (parts.length === 0) {
		throw new NodeOperationError(context.getNode(), `"${labelFor(name)}" is required`, {
			itemIndex,
			description: `Enter at least one phone number, separated by commas. ${PHONE_ADVICE}`,
		});
	}
	const phones = parts.map((part) =>
		toPlugChatPhone(context, part, itemIndex, labelFor(name), { allowGroup: false }),
	);
	return [...new Set(phones)];
}

/** Reads a group id (resource locator or text) and checks its form. */
export function readGroupId(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'groupId',
): string {
	const value = locatorValue(context, name, itemIndex);
	if (!value) {
		throw new NodeOperationError(context.getNode(), '"Group ID" is required', {
			itemIndex,
			description: GROUP_HINT,
		});
	}
	if (!isGroupId(value)) {
		throw new NodeOperationError(context.getNode(), `${quoted(value)} is not a WhatsApp group ID`, {
			itemIndex,
			description: GROUP_HINT,
		});
	}
	return value;
}
