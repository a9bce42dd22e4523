import type { INodeProperties } from 'n8n-workflow';

import * as getAccessToken from './getAccessToken.operation';

export { getAccessToken };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Access Token',
				value: 'getAccessToken',
				action: 'Get an access token',
				description:
					"Log in with a user's e-mail and password; the output is the platform's token response, access token included",
			},
		],
		default: 'getAccessToken',
	},
	...getAccessToken.description,
];
