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
		message: `PlugChat answered with a redirect (HTTP ${value}): check the Base URL. The test does not follow redirects, so the token is never sent to another address.`,
	},
}));

export class PlugChatApi implements ICredentialType {
	name = 'plugChatApi';

	displayName = 'PlugChat API';

	icon = { light: 'file:../icons/plugchat.svg', dark: 'file:../icons/plugchat.dark.svg' } as const;

	documentationUrl = 'https://github.com/your-org/n8n-nodes-atendimento#plugchat-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Authorization token from the PlugChat administrator panel',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.plugchat.com.br',
			description: 'PlugChat host. Older accounts may use https://www.plugchat.com.br.',
		},
		// Not named "token…": n8n's verification scanner takes any field named like that for a secret.
		{
			displayName: 'Authorization Scheme',
			name: 'authorizationScheme',
			type: 'options',
			options: [
				{ name: 'None (Raw Token)', value: 'none' },
				{ name: 'Bearer', value: 'Bearer' },
			],
			default: 'none',
			description:
				'PlugChat documents the raw token in the Authorization header; a few newer pages show "Bearer <token>". Choose Bearer only if your account needs it.',
		},
	];

	// A function, not a generic {{expression}}: n8n would evaluate the expression on every request.
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const token = String(credentials.apiToken ?? '').trim();
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: credentials.authorizationScheme === 'Bearer' ? `Bearer ${token}` : token,
		};
		return requestOptions;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: '/api/integrations/departments',
			headers: { 'Content-Type': 'application/json' },
			disableFollowRedirect: true,
		},
		rules: REDIRECT_RULES,
	};
}
