import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { actionResult } from '../../../shared/json';
import { optionalString, pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { contactLocator } from '../common.description';

/** Block and Unblock are the same request with `block` true or false. */
export function blockOperation(operation: 'block' | 'unblock') {
	const block = operation === 'block';
	const properties: INodeProperties[] = [
		contactLocator(block ? 'The contact (contato) to block' : 'The contact (contato) to unblock'),
		optionsCollection([
			{
				displayName: 'Reason',
				name: 'description',
				type: 'string',
				default: '',
				description: block
					? 'Why the contact is blocked, kept with the contact'
					: 'Why the contact is unblocked, kept with the contact',
			},
		]),
	];
	return {
		properties,
		async execute(this: IExecuteFunctions, i: number) {
			const contactId = requireString(this, 'contactId', i);
			const body: IDataObject = { block };
			const reason = optionalString(this, 'options.description', i);
			if (reason) body.description = reason;
			const response = await apiRequest<unknown>(
				this,
				'POST',
				`/api/v1/contacts/${pathSegment(this, contactId, 'contactId', i)}/block`,
				{ body, itemIndex: i },
			);
			return [{ json: actionResult(response, { contactId, blocked: block }) }];
		},
	};
}
