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

/** The Account URL as typed, less spaces and trailing slashes (inside the test's expression). */
const URL_EXPRESSION = '$credentials.accountUrl.trim().replace(/\\/+$/, "")';

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
				'Address of your Digisac account, as in the browser (e.g. https://yourcompany.digisac.app; a trailing "/", "/api" or "/api/v1" is accepted and ignored), or an older API address as given to you, e.g. https://yourcompany-api.digisac.com.br/v1.',
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
			// The rule of the node's transport (digisacApiBase in nodes/Digisac/transport): a legacy
			// "<account>-api.digisac.…" host or a URL ending in "/v1" has its API under "/v1", any
			// other URL (less a trailing "/", "/api" or "/api/v1") under "/api/v1".
			baseURL: `={{ (/^https?:\\/\\/[^\\/?#]*-api\\.digisac\\.[a-z.]+(:\\d+)?(\\/|$)/i.test(${URL_EXPRESSION}) || /(?<!\\/api)\\/v1$/i.test(${URL_EXPRESSION})) ? ${URL_EXPRESSION}.replace(/\\/v1$/i, "") + "/v1" : ${URL_EXPRESSION}.replace(/\\/api(\\/v1)?$/i, "") + "/api/v1" }}`,
			url: '/me',
			disableFollowRedirect: true,
		},
		rules: REDIRECT_RULES,
	};
}
