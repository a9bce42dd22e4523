/**
 * Ids placed in a URL path. The URL parser removes "." and ".." path segments (WHATWG URL
 * standard), so an id of ".." given by an expression would make a request address the collection
 * above the record: "DELETE /api/whatsapp/queue/." clears the whole queue, "DELETE
 * /api/v1/contacts/.." becomes "DELETE /api/v1/". Such ids are refused before anything is sent.
 */
import type { INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pathSegment } from '../../nodes/shared/parameters';
import { byId } from '../harness';
import type { ServiceKey } from '../reliability/support';
import { useFakes } from '../reliability/support';

const fakes = useFakes();

const node = { getNode: () => ({ name: 'Test' }) as never };

describe('pathSegment', () => {
	it('encodes what it is given', () => {
		expect(pathSegment(node, 'abc/../..', 'contactId')).toBe('abc%2F..%2F..');
		expect(pathSegment(node, 'a b?c#d', 'contactId')).toBe('a%20b%3Fc%23d');
		expect(pathSegment(node, '%2e%2e', 'contactId')).toBe('%252e%252e');
		expect(pathSegment(node, 42, 'contactId')).toBe('42');
		expect(pathSegment(node, '..a', 'contactId')).toBe('..a');
	});

	it.each(['.', '..', '...', ' .. ', '', '   '])('refuses %p, naming the parameter', (value) => {
		expect(() => pathSegment(node, value, 'contactId', 3)).toThrow(NodeOperationError);
		try {
			pathSegment(node, value, 'contactId', 3);
		} catch (error) {
			expect((error as NodeOperationError).message).toMatch(/^"Contact ID" /);
			expect((error as NodeOperationError).context.itemIndex).toBe(3);
		}
	});

	it.each([[{ a: 1 }], [[1, 2]], [null], [undefined], [true]])('refuses %p', (value) => {
		expect(() => pathSegment(node, value, 'tagId')).toThrow(/"Tag ID" must be text or a number/);
	});
});

const dotCases: Array<{
	title: string;
	service: ServiceKey;
	parameters: (dots: string) => INodeParameters;
	label: string;
}> = [
	{
		title: 'PlugChat Queue → Delete Message',
		service: 'plugChat',
		parameters: (dots) => ({
			resource: 'queue',
			operation: 'deleteMessage',
			zaapId: byId(`={{ "${dots}" }}`),
		}),
		label: 'Zaap ID',
	},
	{
		title: 'Digisac Contact → Delete',
		service: 'digisac',
		parameters: (dots) => ({
			resource: 'contact',
			operation: 'delete',
			contactId: byId(`={{ "${dots}" }}`),
		}),
		label: 'Contact ID',
	},
	{
		title: 'Digisac Tag → Delete',
		service: 'digisac',
		parameters: (dots) => ({ resource: 'tag', operation: 'delete', tagId: `={{ "${dots}" }}` }),
		label: 'Tag ID',
	},
	{
		title: 'Digisac Webhook → Delete',
		service: 'digisac',
		parameters: (dots) => ({
			resource: 'webhook',
			operation: 'delete',
			webhookId: byId(`={{ "${dots}" }}`),
		}),
		label: 'Webhook ID',
	},
];

describe.each(dotCases)('$title with a dot-only id', ({ service, parameters, label }) => {
	it.each(['.', '..'])('refuses %p before sending anything', async (dots) => {
		const run = await fakes.run(service, parameters(dots));
		expect(run.thrown).toBeInstanceOf(NodeOperationError);
		expect(run.error?.message).toBe(`"${label}" cannot be "${dots}"`);
		expect(run.error?.context?.itemIndex).toBe(0);
		expect(fakes[service].requests.map((r) => `${r.method} ${r.path}`)).toEqual([]);
	});
});
