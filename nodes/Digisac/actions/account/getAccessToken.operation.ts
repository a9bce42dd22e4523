import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactSecret } from '../../../shared/errors';
import { requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Get Access Token',
	value: 'getAccessToken',
	action: 'Get an access token',
	description:
		"Log in with a user's e-mail and password; the output is the platform's token response, access token included",
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. name@example.com',
		description: 'The login e-mail of the Digisac user',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description:
			"The user's password. It is sent only to your Digisac account and never appears in the output.",
	},
];

/** Digisac's fixed client for the password grant, as in its documentation (not a secret). */
const PASSWORD_GRANT_CLIENT = { grant_type: 'password', client_id: 'api', client_secret: 'secret' };

export async function execute(this: IExecuteFunctions, i: number) {
	const username = requireString(this, 'username', i);
	const password = String(this.getNodeParameter('password', i, ''));
	requireString(this, 'password', i);
	try {
		// The token endpoint needs no Authorization header; the credential's token is not sent.
		const token = await apiRequest<IDataObject>(this, 'POST', '/api/v1/oauth/token', {
			body: { ...PASSWORD_GRANT_CLIENT, username, password },
			anonymous: true,
			// Asking for a token twice does no harm.
			idempotent: true,
			itemIndex: i,
		});
		return [{ json: token }];
	} catch (error) {
		const nodeError =
			error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		// Never let the password travel on in an error the platform may have echoed it into.
		nodeError.message = redactSecret(nodeError.message, password) ?? nodeError.message;
		if (nodeError.description)
			nodeError.description = redactSecret(nodeError.description, password) ?? null;
		throw nodeError;
	}
}
