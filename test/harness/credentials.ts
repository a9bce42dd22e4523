import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { DigisacApi } from '../../credentials/DigisacApi.credentials';
import { PlugChatApi } from '../../credentials/PlugChatApi.credentials';
import { TomTicketApi } from '../../credentials/TomTicketApi.credentials';

export const credentialTypes: Record<string, ICredentialType> = {
	tomTicketApi: new TomTicketApi(),
	plugChatApi: new PlugChatApi(),
	digisacApi: new DigisacApi(),
};

/** Fills in a credential's defaults, as n8n does when it decrypts a saved credential. */
export function withDefaults(
	type: string,
	data: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	const result: ICredentialDataDecryptedObject = {};
	for (const property of credentialTypes[type].properties) {
		result[property.name] = property.default as ICredentialDataDecryptedObject[string];
	}
	return { ...result, ...data };
}

/**
 * Resolves one `=`-prefixed value of a credential definition with n8n's own expression engine,
 * with `$credentials` available, exactly as n8n's CredentialsHelper does.
 */
export function resolveCredentialValue(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials } as never,
		undefined,
		'',
	);
}

/**
 * Applies a credential type's real `authenticate` definition (generic headers/qs/body/auth, or a
 * function) to a request, as n8n's CredentialsHelper does.
 */
export async function applyAuthentication(
	typeName: string,
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	workflow: Workflow,
	node: INode,
): Promise<IHttpRequestOptions> {
	const type = credentialTypes[typeName];
	const authenticate = type?.authenticate;
	if (!authenticate) return requestOptions;
	if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
	if (authenticate.type !== 'generic')
		throw new Error(`Unsupported authenticate type ${String(authenticate.type)}`);
	const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
	for (const [outerKey, values] of Object.entries(authenticate.properties)) {
		if (!values) continue;
		options[outerKey] ??= {};
		for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
			options[outerKey][key] = resolveCredentialValue(value, credentials, workflow, node);
		}
	}
	return requestOptions;
}

/** The credentials part of n8n's runtime: hands out test credentials and authenticates requests. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		return await applyAuthentication(
			typeName,
			credentials,
			requestOptions as IHttpRequestOptions,
			workflow as Workflow,
			node as INode,
		);
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, _type: string): Promise<ICredentials> {
		throw new Error('not used by the nodes under test');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`No test credentials of type "${type}"`);
		return withDefaults(type, data);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}
}
