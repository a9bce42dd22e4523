/**
 * Custom API Call: for an endpoint the nodes do not model, a user picks our credential in n8n's
 * HTTP Request node (Authentication → Predefined Credential Type). What n8n requires for that,
 * checked against n8n's own code where it runs outside the editor:
 *
 * - The HTTP Request node (n8n-io/n8n packages/nodes-base/nodes/HttpRequest/V3/Description.ts,
 *   `nodeCredentialType`) lists the credential types matching
 *   `['extends:oAuth2Api', 'extends:oAuth1Api', 'has:authenticate']`.
 * - The editor applies that filter to the credential types n8n serves as JSON
 *   (packages/frontend/editor-ui/src/components/CredentialsSelect.vue): a type qualifies when its
 *   `authenticate` is defined, unless it is `genericAuth` (those are the "Generic" ones), `hidden`,
 *   or `restrictToSupportedNodes`.
 * - A function `authenticate` does not survive JSON, so n8n-core's DirectoryLoader gives every
 *   credential a toJSON that turns it into `{}` (packages/core/src/nodes-loader/directory-loader.ts,
 *   `toJSON`): the loader below is n8n-core's own.
 * - At run time the HTTP Request node calls `helpers.requestWithAuthentication(<type>, options)`
 *   (HttpRequestV3.node.ts), and n8n-core lets it use any credential type
 *   (FULL_ACCESS_NODE_TYPES in packages/core/src/constants.ts).
 */
import { join } from 'path';

import { CustomDirectoryLoader } from 'n8n-core';
import type { ICredentialType, IExecuteFunctions, INodeType } from 'n8n-workflow';

import { TomTicket } from '../../nodes/TomTicket/TomTicket.node';
import { DigisacFake } from '../fakes/digisac';
import type { FakeServer } from '../fakes/fakeServer';
import { PlugChatFake } from '../fakes/plugchat';
import { TomTicketFake } from '../fakes/tomticket';
import { runNode } from '../harness';

const CREDENTIALS = ['TomTicketApi', 'PlugChatApi', 'DigisacApi'];

/** The credential types as n8n serves them to the editor (/types/credentials.json). */
function servedToEditor(): Array<Record<string, unknown>> {
	const root = join(__dirname, '..', '..');
	const loader = new CustomDirectoryLoader(root);
	for (const name of CREDENTIALS)
		loader.loadCredentialFromFile(join(root, 'credentials', `${name}.credentials.ts`));
	return JSON.parse(JSON.stringify(loader.types.credentials)) as Array<Record<string, unknown>>;
}

/** CredentialsSelect.vue's test for `has:authenticate` (n8n 2.40.7). */
function offeredAsPredefined(type: Record<string, unknown>): boolean {
	if (type.hidden || type.restrictToSupportedNodes) return false;
	return type.authenticate !== undefined && type.genericAuth !== true;
}

it.each(['tomTicketApi', 'plugChatApi', 'digisacApi'])(
	'%s is offered in the HTTP Request node as a Predefined Credential Type',
	(name) => {
		const type = servedToEditor().find((candidate) => candidate.name === name);
		expect(type).toBeDefined();
		expect(type?.authenticate).toEqual({});
		expect(offeredAsPredefined(type!)).toBe(true);
	},
);

/**
 * A stand-in for the HTTP Request node with a Predefined Credential Type: the same helper call as
 * HttpRequestV3.node.ts, under the node type name n8n-core gives full credential access to.
 */
function httpRequestNode(credentialType: string, url: string): INodeType {
	return {
		description: {
			displayName: 'HTTP Request',
			name: 'httpRequest',
			group: ['output'],
			version: 3,
			description: 'stand-in',
			defaults: { name: 'HTTP Request' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			// The helper HttpRequestV3.node.ts calls, deprecated or not.
			// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
			const body = (await this.helpers.requestWithAuthentication.call(this, credentialType, {
				method: 'GET',
				uri: url,
				json: true,
			})) as unknown;
			return [[{ json: { body } as never, pairedItem: { item: 0 } }]];
		},
	};
}

describe.each([
	{
		type: 'tomTicketApi',
		fake: new TomTicketFake() as FakeServer & { token: string },
		path: '/department/list',
		credentials: (fake: FakeServer & { token: string }) => ({
			apiToken: `${fake.token}\n`,
			baseUrl: fake.url,
		}),
		header: (token: string) => `Bearer ${token}`,
	},
	{
		type: 'plugChatApi',
		fake: new PlugChatFake() as FakeServer & { token: string },
		path: '/api/integrations/departments',
		credentials: (fake: FakeServer & { token: string }) => ({
			apiToken: fake.token,
			baseUrl: fake.url,
		}),
		header: (token: string) => token,
	},
	{
		type: 'digisacApi',
		fake: new DigisacFake() as FakeServer & { token: string },
		path: '/api/v1/me',
		credentials: (fake: FakeServer & { token: string }) => ({
			apiToken: fake.token,
			accountUrl: fake.url,
		}),
		header: (token: string) => `Bearer ${token}`,
	},
])('HTTP Request with the $type credential', ({ type, fake, path, credentials, header }) => {
	beforeAll(async () => await fake.start());
	afterAll(async () => await fake.stop());

	it('sends the token the way the nodes do, to the URL the user typed', async () => {
		const run = await runNode({
			nodeType: httpRequestNode(type, `${fake.url}${path}`),
			typeName: 'n8n-nodes-base.httpRequest',
			parameters: {},
			credentials: { [type]: credentials(fake) },
		});
		expect(run.error).toBeUndefined();
		const request = fake.last();
		expect(request.path).toBe(path);
		expect(request.headers.authorization).toBe(header(fake.token));
	});
});

it('a node left on "Custom API Call" says to use the HTTP Request node', async () => {
	// n8n adds "Custom API Call" (value __CUSTOM_API_CALL__) to the Resource and Operation lists of
	// every node whose credential has `authenticate` (packages/cli/src/load-nodes-and-credentials.ts,
	// injectCustomApiCallOptions); the editor then shows a notice pointing to the HTTP Request node.
	const run = await runNode({
		nodeType: new TomTicket(),
		parameters: { resource: 'ticket', operation: '__CUSTOM_API_CALL__' },
		credentials: { tomTicketApi: { apiToken: 'x' } },
	});
	expect(run.error?.message).toBe('Custom API Call runs in an HTTP Request node, not in this one');
	expect(run.error?.description).toMatch(
		/Authentication → Predefined Credential Type → this node.s credential type and the credential "tomTicketApi test"/,
	);
});

it('the credential classes are the ones the harness uses', () => {
	// Keeps the loader above honest: the same credential names as the package registers.
	const names = servedToEditor().map((type) => (type as unknown as ICredentialType).name);
	expect(names.sort()).toEqual(['digisacApi', 'plugChatApi', 'tomTicketApi']);
});
