import type {
	IAuthenticate,
	IAuthenticateRuleResponseCode,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * n8n runs the test request itself (its credential tester sends `request` through
 * httpRequestWithAuthentication) and would follow a redirect with the token on it, to any host.
 * The test follows none; a redirect answer fails the test with this message instead.
 */
const REDIRECT_RULES: IAuthenticateRuleResponseCode[] = [301, 302, 303, 307, 308].map((value) => ({
	type: 'responseCode',
	properties: {
		value,
		message: `Digisac answered with a redirect (HTTP ${value}): check the Account URL. The test does not follow redirects, so the token is never sent to another address.`,
	},
}));

export class DigisacApi implements ICredentialType {
	name = 'digisacApi';

	displayName = 'Digisac API';

	icon = { light: 'file:../icons/digisac.svg', dark: 'file:../icons/digisac.dark.svg' } as const;

	documentationUrl = 'https://github.com/your-org/n8n-nodes-atendimento#digisac-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Account URL',
			name: 'accountUrl',
			type: 'string',
			default: '',
			placeholder: 'https://yourcompany.digisac.app',
			required: true,
			description:
				'Address of your Digisac account, as in the browser. A trailing "/", "/api" or "/api/v1" is accepted and ignored.',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Personal access token from Digisac (Account → API → Personal access tokens). It acts with the permissions of the user who created it.',
		},
	];

	// A function, not a generic {{expression}}: n8n would evaluate the expression on every request.
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.apiToken ?? '').trim()}`,
		};
		return requestOptions;
	};

	test: ICredentialTestRequest = {
		request: {
			// Same normalisation as the node's transport (nodes/Digisac/transport): strip "/", "/api", "/api/v1".
			baseURL:
				'={{$credentials.accountUrl.trim().replace(/\\/+$/, "").replace(/\\/api(\\/v1)?$/i, "")}}',
			url: '/api/v1/me',
			disableFollowRedirect: true,
		},
		rules: REDIRECT_RULES,
	};
}
