import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { DigisacTrigger } from '../../nodes/Digisac/DigisacTrigger.node';
import codex from '../../nodes/Digisac/DigisacTrigger.node.json';
import { DIGISAC_EVENTS } from '../../nodes/Digisac/trigger/description';
import { buildWorkflow } from '../harness';

import { triggerSetup, useDigisacTrigger } from './harness';

const { fake } = useDigisacTrigger();

describe('Digisac Trigger description', () => {
	const { description } = new DigisacTrigger();
	const property = (name: string) =>
		description.properties.find((p) => p.name === name) as INodeProperties;

	it('is a webhook trigger that answers at once', () => {
		expect(description.name).toBe('digisacTrigger');
		expect(description.inputs).toEqual([]);
		expect(description.group).toEqual(['trigger']);
		expect(description.credentials).toEqual([{ name: 'digisacApi', required: true }]);
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		]);
		expect((description as { usableAsTool?: boolean }).usableAsTool).toBeUndefined();
		expect(codex.node).toBe('n8n-nodes-atendimento.digisacTrigger');
	});

	it('offers the documented and pattern-inferred events plus free text', () => {
		const events = property('events');
		expect(events.type).toBe('multiOptions');
		expect(events.options?.map((o) => (o as { value: string }).value)).toEqual([...DIGISAC_EVENTS]);
		expect(property('additionalEvents').type).toBe('string');
	});

	it('names each event line of the nodes panel once: "On message created"', () => {
		// n8n's editor builds a trigger's actions from its Events options
		// (packages/frontend/editor-ui/src/features/shared/nodeCreator/composables/
		// useActionsGeneration.ts in n8n-io/n8n, triggersCategory()): the option's `action`, or
		// else "On " + lodash's startCase(name). startCase keeps only the words of the name.
		const startCase = (name: string) =>
			name
				.replace(/([a-z])([A-Z])/g, '$1 $2')
				.split(/[^A-Za-z0-9]+/)
				.filter(Boolean)
				.map((word) => word[0].toUpperCase() + word.slice(1))
				.join(' ');
		const options = property('events').options as Array<{
			name: string;
			value: string;
			action?: string;
			description?: string;
		}>;
		const lines = options.map((option) => option.action ?? `On ${startCase(option.name)}`);
		expect(lines).toEqual([
			'On bot command',
			'On contact created',
			'On contact updated',
			'On message created',
			'On message updated',
			'On ticket closed',
			'On ticket created',
			'On ticket updated',
		]);
		// n8n versions that ignore `action` fall back to the name: each word once there too.
		for (const option of options) {
			expect(`On ${startCase(option.name)}`.toLowerCase()).toBe(option.action?.toLowerCase());
			// The event's Digisac name is still shown, in the description.
			expect(option.description).toContain(option.value);
		}
	});

	it("lists the account's active connections for the connection filter", async () => {
		fake.state.services.push({
			id: 'archived-1',
			name: 'Antigo',
			type: 'whatsapp',
			archivedAt: '2023-01-01T00:00:00.000Z',
			data: {},
		});
		const filter = (property('filters').options as INodeProperties[]).find(
			(o) => o.name === 'serviceIds',
		)!;
		const method = filter.typeOptions!.loadOptionsMethod!;

		const setup = triggerSetup(fake);
		const { workflow, node, additionalData } = buildWorkflow(setup);
		const context = new LoadOptionsContext(workflow, node, additionalData, 'filters.serviceIds');
		const trigger = new DigisacTrigger();
		const options = await trigger.methods.loadOptions[
			method as keyof typeof trigger.methods.loadOptions
		].call(context as unknown as ILoadOptionsFunctions);

		expect(options.map((o) => [o.name, o.value])).toEqual([
			['WhatsApp Suporte (whatsapp)', '7a1e2b1c-0000-4000-8000-0000000000s2'],
			['WhatsApp Vendas (whatsapp)', '7a1e2b1c-0000-4000-8000-0000000000s1'],
		]);
		expect(fake.last('GET', '/api/v1/services').headers.authorization).toBe(`Bearer ${fake.token}`);
	});
});
