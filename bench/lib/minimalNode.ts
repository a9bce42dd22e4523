import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * The floor for any node in this engine: per item, read the fields, make one
 * httpRequestWithAuthentication call, output the answer with pairedItem. No retries, no error
 * mapping, no batching. The gap between this and the bare loop is n8n's; the gap between this and
 * our nodes is ours.
 */
export class MinimalNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Minimal Request',
		name: 'minimalRequest',
		icon: 'file:minimal.svg',
		group: ['transform'],
		version: 1,
		description: 'Benchmark-only node',
		defaults: { name: 'Minimal Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			{ name: 'tomTicketApi', required: false },
			{ name: 'plugChatApi', required: false },
			{ name: 'digisacApi', required: false },
		],
		properties: [
			{ displayName: 'Credential Type', name: 'credentialType', type: 'string', default: '' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'POST' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Multipart', name: 'multipart', type: 'boolean', default: false },
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const credentialType = this.getNodeParameter('credentialType', i) as string;
			const fields =
				(this.getNodeParameter('fields.field', i, []) as Array<{ name: string; value: string }>) ??
				[];
			let body: IDataObject | FormData;
			const headers: Record<string, string> = {};
			if (this.getNodeParameter('multipart', i) as boolean) {
				const form = new FormData();
				for (const field of fields) form.append(field.name, String(field.value));
				body = form;
			} else {
				body = Object.fromEntries(fields.map((field) => [field.name, field.value]));
				headers['Content-Type'] = 'application/json';
			}
			const answer = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
				method: this.getNodeParameter('method', i) as IHttpRequestMethods,
				url: this.getNodeParameter('url', i) as string,
				headers,
				body,
				json: true,
			})) as IDataObject;
			output.push({ json: answer, pairedItem: { item: i } });
		}
		return [output];
	}
}
