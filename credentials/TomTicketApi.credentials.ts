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
		message: `TomTicket answered with a redirect (HTTP ${value}): check the Base URL. The test does not follow redirects, so the token is never sent to another address.`,
	},
}));

export class TomTicketApi implements ICredentialType {
	name = 'tomTicketApi';

	displayName = 'TomTicket API';

	icon = {
		light: 'file:../icons/tomticket.svg',
		dark: 'file:../icons/tomticket.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/your-org/n8n-nodes-atendimento#tomticket-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Token created in TomTicket under Settings (Configurações) → API → Create Token. The API is part of the Premium and Enterprise plans.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.tomticket.com/v2.0',
			description: 'Root of the TomTicket API v2.0. Change it only for a proxy or a test server.',
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
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: '/department/list',
			qs: { show_nested_items: 0 },
			disableFollowRedirect: true,
		},
		// n8n's tester checks each rule by its own type, so both kinds can share the list; the type
		// of `rules` only allows one kind per list.
		rules: [
			{
				// TomTicket can answer HTTP 200 with {"error": true, "message": …}.
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: true,
					message: 'TomTicket refused the request: check the API token',
				},
			},
			...REDIRECT_RULES,
		] as unknown as IAuthenticateRuleResponseCode[],
	};
}
