import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isObject } from '../../../shared/json';
import { pathSegment } from '../../../shared/parameters';
import { readPhone } from '../../helpers/phone';
import { apiRequest } from '../../transport';
import { phoneLocator } from '../common.description';

export const option = {
	name: 'Check WhatsApp',
	value: 'checkWhatsApp',
	action: 'Check whether a number is registered',
	description: 'Check whether a phone number has a WhatsApp account',
};

export const properties: INodeProperties[] = [
	phoneLocator({
		allowGroup: false,
		description: 'Number to check, with country and area code (e.g. 5511987654321)',
	}),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i, 'phone', { allowGroup: false });
	const answer = await apiRequest<unknown>(
		this,
		'GET',
		`/api/whatsapp/phone-exists/${pathSegment(this, phone, 'phone', i)}`,
		{ itemIndex: i },
	);
	// Documented as `[{"exists": "true ou false"}]`; Z-API answers `{"exists": true}`. Both are read.
	const record = Array.isArray(answer)
		? answer.find(isObject)
		: isObject(answer)
			? answer
			: undefined;
	const raw = record?.exists ?? (typeof answer === 'boolean' ? answer : undefined);
	const exists = raw === true || raw === 'true' || raw === 1 || raw === '1';
	return [{ json: { ...(record ?? {}), phone, exists } }];
}
