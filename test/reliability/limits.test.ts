/**
 * Return All / Limit: one reader for the three nodes. A limit that is not a whole number of 1 or
 * more (from an expression: the editor's own field refuses it) is a clear error naming the field,
 * never a silent fallback to 50 or to every record.
 */
import type { INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ServiceKey } from './support';
import { useFakes } from './support';

const fakes = useFakes();

const lists: Array<{ service: ServiceKey; title: string; parameters: INodeParameters }> = [
	{
		service: 'digisac',
		title: 'Digisac tag Get Many',
		parameters: { resource: 'tag', operation: 'getAll' },
	},
	{
		service: 'tomTicket',
		title: 'TomTicket department Get Many',
		parameters: { resource: 'department', operation: 'getAll' },
	},
	{
		service: 'plugChat',
		title: 'PlugChat department Get Many (one answer)',
		parameters: { resource: 'department', operation: 'getAll' },
	},
	{
		service: 'plugChat',
		title: 'PlugChat chat Get Many (paged)',
		parameters: { resource: 'chat', operation: 'getAll' },
	},
];

const badLimits: unknown[] = [0, -3, 2.5, '={{ "many" }}'];

describe.each(lists)('$title', ({ service, parameters }) => {
	it.each(badLimits)('refuses limit %p with an error naming the field', async (limit) => {
		const run = await fakes.run(service, {
			...parameters,
			returnAll: false,
			limit,
		} as INodeParameters);
		expect(run.thrown).toBeInstanceOf(NodeOperationError);
		expect(run.error?.message).toMatch(/^"Limit" must be a whole number of 1 or more/);
		expect(run.error?.context?.itemIndex).toBe(0);
	});

	it('takes a whole number given as text by an expression', async () => {
		// Two records everywhere, so a limit of 1 is seen to apply.
		fakes.plugChat.addGroup('Equipe A', ['5511911111111']);
		fakes.plugChat.addGroup('Equipe B', ['5511922222222']);
		const run = await fakes.run(service, { ...parameters, returnAll: false, limit: '={{ "1" }}' });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
	});
});
