import { readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { Digisac } from '../../nodes/Digisac/Digisac.node';
import { DigisacTrigger } from '../../nodes/Digisac/DigisacTrigger.node';
import { captureDelivery } from '../fakes/digisac/deliveryCapture';
import { deliverWebhook, runNode, runWebhookMethod } from '../harness';

import { nodeState, urlQuery, useDigisacTrigger } from './harness';

/** The importable workflow the README's Digisac Trigger section shows, read from the README itself. */
function documentedWorkflow(): { nodes: INode[]; connections: IDataObject } {
	const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('\n## Digisac Trigger\n'));
	const block = /```json\n([\s\S]*?)\n```/.exec(section);
	if (!block) throw new Error("The README's Digisac Trigger section has no JSON workflow");
	return JSON.parse(block[1]) as { nodes: INode[]; connections: IDataObject };
}

const { fake } = useDigisacTrigger();

it('the documented "reply to incoming WhatsApp messages" workflow answers the contact once', async () => {
	const workflow = documentedWorkflow();
	const triggerNode = workflow.nodes.find(
		(n) => n.type === 'n8n-nodes-atendimento.digisacTrigger',
	)!;
	const replyNode = workflow.nodes.find((n) => n.type === 'n8n-nodes-atendimento.digisac')!;
	expect(workflow.connections).toEqual({
		[triggerNode.name]: { main: [[{ node: replyNode.name, type: 'main', index: 0 }]] },
	});
	expect(replyNode.parameters).toMatchObject({ resource: 'message', operation: 'send' });

	const credentials = { digisacApi: { accountUrl: fake.url, apiToken: fake.token } };
	const trigger = {
		nodeType: new DigisacTrigger(),
		name: triggerNode.name,
		parameters: triggerNode.parameters,
		webhookId: triggerNode.webhookId,
		credentials,
		staticData: {} as IDataObject,
	};
	await runWebhookMethod(trigger, 'checkExists');
	await runWebhookMethod(trigger, 'create');
	const hookId = nodeState(trigger, triggerNode.name).digisacWebhookId!;

	// A customer writes on WhatsApp.
	const contact = fake.addContacts(1, { name: 'Maria Souza' })[0];
	const incoming = fake.addIncomingMessage({
		contactId: contact.id,
		fromId: contact.id,
		text: 'Quero um orçamento',
	});
	const delivery = await captureDelivery(
		fake,
		hookId,
		'message.created',
		fake.presentMessage(incoming, false),
	);
	const started = await deliverWebhook(trigger, {
		body: delivery.body,
		query: urlQuery(delivery.url),
	});
	const items = started.response.workflowData![0];
	expect(items).toHaveLength(1);

	// The Reply node runs on the trigger's item.
	const reply = await runNode({
		nodeType: new Digisac(),
		name: replyNode.name,
		parameters: replyNode.parameters as INodeParameters,
		credentials,
		items,
	});
	expect(reply.error).toBeUndefined();
	const sent = fake.last('POST', '/api/v1/messages');
	expect(sent.json).toMatchObject({
		contactId: contact.id,
		text: 'Olá! Recebemos sua mensagem "Quero um orçamento" e já vamos responder.',
		origin: 'bot',
	});

	// Digisac reports the reply as a new message; it must not start the workflow again.
	const replyMessage = fake.state.messages[fake.state.messages.length - 1];
	expect(replyMessage.isFromMe).toBe(true);
	const echo = await captureDelivery(
		fake,
		hookId,
		'message.created',
		fake.presentMessage(replyMessage, false),
	);
	const ignored = await deliverWebhook(trigger, { body: echo.body, query: urlQuery(echo.url) });
	expect(ignored.response.workflowData).toBeUndefined();
	expect(ignored.response.webhookResponse).toEqual({
		received: true,
		ignored: 'message sent by me',
	});
});
