import axios from 'axios';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INodeType } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	applyAuthentication,
	credentialTypes,
	resolveCredentialValue,
	withDefaults,
} from './credentials';
import { buildWorkflow } from './engine';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
	description?: string;
	request: { url: string; headers: Record<string, unknown> };
}

const probeNode: INodeType = {
	description: {
		displayName: 'Credential Test',
		name: 'credentialTest',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'Credential Test' },
		inputs: [],
		outputs: [],
		properties: [],
	},
};

/**
 * Runs a credential type's `test` request the way n8n's credential tester does: expressions in the
 * request resolved with `$credentials`, the credential's real `authenticate` applied, failures
 * turned into a NodeApiError message, and the `rules` checked against a successful body.
 */
export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const credentialType = credentialTypes[type];
	const test = credentialType.test;
	if (!test) throw new Error(`${type} has no test request`);
	const credentials = withDefaults(type, data);
	const { workflow, node } = buildWorkflow({ nodeType: probeNode, parameters: {} });
	const resolve = (value: unknown) => resolveCredentialValue(value, credentials, workflow, node);
	const request: IHttpRequestOptions = {
		method: test.request.method ?? 'GET',
		url: String(resolve(test.request.url)),
		baseURL: String(resolve(test.request.baseURL)),
		qs: test.request.qs,
		headers: { ...(test.request.headers ?? {}) },
	};
	await applyAuthentication(type, credentials, request, workflow, node);
	const url = `${request.baseURL}${request.url}`;
	const sent = { url, headers: request.headers as Record<string, unknown> };
	try {
		const response = await axios.request({
			method: request.method,
			url,
			params: request.qs,
			headers: request.headers as Record<string, string>,
			timeout: 10000,
		});
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseSuccessBody') {
				const { key, value, message } = rule.properties;
				if ((response.data as Record<string, unknown>)?.[key] === value)
					return { status: 'Error', message, request: sent };
			}
		}
		return { status: 'OK', message: 'Connection successful!', request: sent };
	} catch (error) {
		const apiError = new NodeApiError(node, error as never);
		return {
			status: 'Error',
			message: apiError.message,
			description: apiError.description ?? undefined,
			request: sent,
		};
	}
}
