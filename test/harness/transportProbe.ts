import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as digisac from '../../nodes/Digisac/transport';
import * as plugChat from '../../nodes/PlugChat/transport';
import { readInputFiles } from '../../nodes/shared/binary';
import { runForEachItem, toItems } from '../../nodes/shared/items';
import { buildFormData } from '../../nodes/shared/multipart';
import * as tomTicket from '../../nodes/TomTicket/transport';

/**
 * A test-only node that sends one request per item through a service's real transport
 * (apiRequest / apiRequestAllItems), so the shared core is exercised inside n8n's engine.
 */
export class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		icon: 'file:probe.svg',
		group: ['transform'],
		version: 1,
		description: 'Test-only node',
		defaults: { name: 'Transport Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			{ name: 'tomTicketApi', required: false },
			{ name: 'plugChatApi', required: false },
			{ name: 'digisacApi', required: false },
		],
		properties: [
			{ displayName: 'Service', name: 'service', type: 'string', default: 'digisac' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/' },
			{ displayName: 'Mode', name: 'mode', type: 'string', default: 'single' },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 0 },
			{ displayName: 'Query', name: 'qs', type: 'json', default: '{}' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Form Fields', name: 'form', type: 'json', default: '' },
			{ displayName: 'Binary Properties', name: 'binaryPropertyName', type: 'string', default: '' },
			{ displayName: 'Request Options', name: 'requestOptions', type: 'json', default: '{}' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runForEachItem.call(this, async (i) => {
			const service = this.getNodeParameter('service', i) as 'digisac' | 'tomTicket' | 'plugChat';
			const method = this.getNodeParameter('method', i) as IHttpRequestMethods;
			const path = this.getNodeParameter('path', i) as string;
			const mode = this.getNodeParameter('mode', i) as string;
			const limit = (this.getNodeParameter('limit', i) as number) || undefined;
			const qs = parse(this.getNodeParameter('qs', i)) as IDataObject;
			const bodyParam = parse(this.getNodeParameter('body', i));
			const formFields = parse(this.getNodeParameter('form', i)) as IDataObject | undefined;
			const binaryNames = this.getNodeParameter('binaryPropertyName', i) as string;
			let body: unknown = bodyParam;
			if (formFields) {
				const files = binaryNames ? await readInputFiles(this, i, binaryNames) : [];
				body = buildFormData(
					formFields as Record<string, string>,
					files.map((file, n) => ({ field: `attachment[${n}]`, file })),
					{ context: this, itemIndex: i },
				);
			}
			const transport = { digisac, tomTicket, plugChat }[service];
			if (mode === 'all') {
				return toItems(await transport.apiRequestAllItems(this, path, qs, limit));
			}
			const result = await transport.apiRequest(this, method, path, {
				qs,
				body: body as FormData,
				itemIndex: i,
			});
			return toItems(result);
		});
	}
}

function parse(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	if (!value.trim()) return undefined;
	return JSON.parse(value);
}
