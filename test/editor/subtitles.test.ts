/**
 * What the canvas shows under each action node: the operation and resource in words, as the
 * dropdowns name them ("Send Text: Message"), not the parameter values ("sendText: message").
 * n8n's editor evaluates the subtitle as an expression against the node's parameters; so does
 * this test, with n8n's own expression engine.
 */
import type { INodeType } from 'n8n-workflow';

import { Digisac } from '../../nodes/Digisac/Digisac.node';
import { PlugChat } from '../../nodes/PlugChat/PlugChat.node';
import { TomTicket } from '../../nodes/TomTicket/TomTicket.node';
import { buildWorkflow } from '../harness';

function subtitleOf(nodeType: INodeType, resource: string, operation: string): unknown {
	const { workflow, node } = buildWorkflow({ nodeType, parameters: { resource, operation } });
	return workflow.expression.getSimpleParameterValue(
		node,
		nodeType.description.subtitle as string,
		'internal',
		{},
	);
}

describe.each([
	[new PlugChat(), 'message', 'sendText', 'Send Text: Message'],
	[new PlugChat(), 'attendance', 'getByTicket', 'Get by Ticket: Attendance'],
	[new Digisac(), 'contact', 'getAll', 'Get Many: Contact'],
	[new Digisac(), 'message', 'send', 'Send: Message'],
	[new TomTicket(), 'ticket', 'create', 'Create: Ticket'],
] as Array<[INodeType, string, string, string]>)(
	'%#',
	(nodeType, resource, operation, expected) => {
		it(`${nodeType.description.displayName} ${resource}.${operation} reads "${expected}"`, () => {
			expect(subtitleOf(nodeType, resource, operation)).toBe(expected);
		});
	},
);

describe.each([new PlugChat(), new Digisac(), new TomTicket()])(
	'$description.displayName',
	(nodeType) => {
		const resources = nodeType.description.properties.find((p) => p.name === 'resource')!;

		it('names every operation of every resource in words', () => {
			for (const option of resources.options as Array<{ value: string; name: string }>) {
				const operations = nodeType.description.properties.find(
					(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(option.value),
				)!;
				for (const op of operations.options as Array<{ value: string; name: string }>)
					expect(subtitleOf(nodeType, option.value, op.value)).toBe(`${op.name}: ${option.name}`);
			}
		});

		it('falls back to the raw operation for one it does not know', () => {
			const first = (resources.options as Array<{ value: string }>)[0].value;
			expect(subtitleOf(nodeType, first, 'somethingNew')).toBe('somethingNew');
		});

		it('holds no "}}" that would end the expression early', () => {
			const expression = String(nodeType.description.subtitle);
			expect(expression.slice(3, -2)).not.toContain('}}');
		});
	},
);
