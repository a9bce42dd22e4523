/**
 * A list the editor asks for before n8n has put the credential on a new node. n8n's editor
 * (ParameterInput.vue) loads a dropdown's options when the panel opens and again when the node's
 * credentials change, but skips that second load while the first is still in flight, so the
 * first, credential-less answer can stay on screen ("Error fetching options"). What the node can
 * do is say what happened and what to do, in every dropdown and list search at once.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INodeType } from 'n8n-workflow';

import { Digisac } from '../../nodes/Digisac/Digisac.node';
import { PlugChat } from '../../nodes/PlugChat/PlugChat.node';
import { TomTicket } from '../../nodes/TomTicket/TomTicket.node';
import { buildWorkflow } from '../harness';

async function withoutCredential(
	nodeType: INodeType,
	call: (context: ILoadOptionsFunctions) => Promise<unknown>,
): Promise<Error> {
	const { workflow, node, additionalData } = buildWorkflow({ nodeType, parameters: {} });
	delete node.credentials;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.x');
	try {
		await call(context as unknown as ILoadOptionsFunctions);
	} catch (error) {
		return error as Error;
	}
	throw new Error('the list loaded without a credential');
}

describe.each([
	['TomTicket', new TomTicket(), 'getDepartments'],
	['Digisac', new Digisac(), 'getDepartments'],
	['PlugChat', new PlugChat(), 'getOperators'],
] as Array<[string, INodeType, string]>)('%s dropdown %s', (name, nodeType, method) => {
	it('says to pick the credential and refresh the list', async () => {
		const fn = (
			nodeType.methods?.loadOptions as Record<string, (this: unknown) => Promise<unknown>>
		)[method];
		const error = await withoutCredential(nodeType, async (context) => await fn.call(context));
		expect(error.message).toBe(
			`No ${name} credential on the node yet: choose "Refresh List" in this field's menu`,
		);
		expect((error as { description?: string }).description).toMatch(/reopen the node/);
	});
});

it('a list search says the same (PlugChat Phone)', async () => {
	const nodeType = new PlugChat();
	const error = await withoutCredential(
		nodeType,
		async (context) => await nodeType.methods.listSearch.searchChats.call(context as never, ''),
	);
	expect(error.message).toMatch(/^No PlugChat credential on the node yet/);
});
