import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	INode,
	INodeCredentialTestResult,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';

import { credentialTypes, withDefaults } from './credentials';
import { buildWorkflow } from './engine';

const noOp: INodeType = {
	description: {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [],
		outputs: [],
		properties: [],
	},
};

/**
 * Runs a credential type's `test` exactly as n8n's credential tester does (packages/cli/src/
 * services/credentials-tester.service.ts in n8n-io/n8n, runRequestTest): the test request becomes
 * the `routing.request` of a temporary node, n8n-core's RoutingNode sends it through
 * httpRequestWithAuthentication with the credential's own authenticate, and failures and `rules`
 * are turned into a status and message the same way. What this checks is what n8n itself sends
 * when a user clicks "Test" (redirects included), not a copy of it.
 */
export async function runCredentialTest(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const credentialType = credentialTypes[type];
	const test = credentialType.test;
	if (!test) throw new Error(`${type} has no test request`);
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: `${type}-1`,
		name: `${type} test`,
		type,
		data: withDefaults(type, data),
	};
	const nodeTypeCopy: INodeType = {
		description: {
			...noOp.description,
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeTypeCopy.description.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [type]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeTypeCopy,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeTypeCopy, 1),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	// Only for its additionalData (the credentials helper that applies `authenticate`).
	const { additionalData } = buildWorkflow({
		nodeType: nodeTypeCopy,
		parameters: {},
		credentials: { [type]: credentialsDecrypted.data as ICredentialDataDecryptedObject },
	});
	const executeFunctions = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);
	let response;
	try {
		await workflow.expression.acquireIsolate();
		response = await routingNode.runNode();
	} catch (thrown) {
		const error = thrown as Error & {
			cause?: { response?: { status: number; statusText?: string }; code?: string };
		};
		if (error.cause?.response) {
			const { status, statusText } = error.cause.response;
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status)
					return { status: 'Error', message: rule.properties.message };
			}
			if (status < 199 || status > 299)
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	} finally {
		await workflow.expression.releaseIsolate();
	}
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const json = (response?.[0]?.[0]?.json ?? {}) as IDataObject;
		if (json[rule.properties.key] === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
