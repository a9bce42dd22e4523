import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

interface PhoneCheck {
	ok: boolean;
	/** Digits only, with the country code. */
	digits: string;
	problem?: string;
}

/**
 * Normalises a phone number to digits with a country code, the form WhatsApp APIs expect.
 * "+55 (11) 98765-4321" → "5511987654321"; a Brazilian number given without the country code
 * (10 or 11 digits: area code + number) gets 55 in front. Anything outside E.164's 10-15 digits,
 * or with letters, is refused with a reason.
 */
export function normalizePhone(input: string, defaultCountryCode = '55'): PhoneCheck {
	const raw = String(input ?? '').trim();
	if (!raw) return { ok: false, digits: '', problem: 'the phone number is empty' };
	if (/[a-z]/i.test(raw)) {
		return {
			ok: false,
			digits: '',
			problem: `"${raw}" contains letters; a phone number has only digits`,
		};
	}
	if (/[^\d\s+().\-/]/.test(raw)) {
		return {
			ok: false,
			digits: '',
			problem: `"${raw}" contains characters that do not belong in a phone number`,
		};
	}
	let digits = raw.replace(/\D/g, '');
	if (raw.startsWith('00')) digits = digits.replace(/^00/, '');
	if (
		!raw.startsWith('+') &&
		!raw.startsWith('00') &&
		(digits.length === 10 || digits.length === 11) &&
		digits[0] !== '0'
	) {
		digits = `${defaultCountryCode}${digits}`;
	}
	if (digits.startsWith('0')) digits = digits.replace(/^0+/, '');
	if (digits.length < 10 || digits.length > 15) {
		return {
			ok: false,
			digits,
			problem: `"${raw}" has ${digits.length} digits, not 10 to 15`,
		};
	}
	if (digits.startsWith('55') && (digits.length < 12 || digits.length > 13)) {
		return {
			ok: false,
			digits,
			problem: `"${raw}" is not a valid Brazilian number: after 55 come the 2-digit area code and 8 or 9 digits`,
		};
	}
	return { ok: true, digits };
}

/** What every phone-number error ends with, once. */
export const PHONE_ADVICE =
	'Give the country code, area code and number, digits only or formatted (e.g. 5511987654321 or +55 11 98765-4321).';

/**
 * The error for a phone number that cannot be right, worded the same on every node: the field,
 * what is wrong with the value, then the advice once. `extra` adds what only this field needs.
 */
export function invalidPhoneError(
	node: INode,
	label: string,
	problem: string | undefined,
	itemIndex: number,
	extra = '',
): NodeOperationError {
	const what = problem
		? problem.charAt(0).toUpperCase() + problem.slice(1)
		: 'The number cannot be right';
	return new NodeOperationError(node, `"${label}" is not a valid phone number`, {
		itemIndex,
		description: `${what}. ${PHONE_ADVICE}${extra ? ` ${extra}` : ''}`,
	});
}
