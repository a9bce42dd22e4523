import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { readGroupId, readPhoneList } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';
import { groupIdLocator } from '../common.description';

export const phonesField: INodeProperties = {
	displayName: 'Phones',
	name: 'phones',
	type: 'string',
	default: '',
	required: true,
	placeholder: '5511987654321, 5521912345678',
	description:
		'Phone numbers with country and area code, separated by commas (an expression may also return an array)',
};

/**
 * The four member operations (add or remove participants or admins) share one form: POST
 * `{groupId, phones: [...]}` answered by `{"value": true}`.
 */
export function groupMembersOperation(path: string, action: string) {
	const properties: INodeProperties[] = [groupIdLocator, phonesField];

	async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
		const groupId = readGroupId(this, i);
		const phones = readPhoneList(this, i);
		const answer = await apiRequest<unknown>(this, 'POST', path, {
			body: { groupId, phones },
			itemIndex: i,
		});
		assertAccepted(this, answer, i, action);
		return [{ json: actionResult(answer, { groupId, phones }) }];
	}

	return { properties, execute };
}
