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

/**
 * The floor for Return All in this engine: asks page after page with one
 * httpRequestWithAuthentication each, ends on the platform's end condition, and outputs every
 * record as an item with pairedItem. Nothing else: no normalising, no limit, no retries.
 */
export class MinimalPagingNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Minimal Paging',
		name: 'minimalPaging',
		icon: 'file:minimal.svg',
		group: ['transform'],
		version: 1,
		description: 'Benchmark-only node',
		defaults: { name: 'Minimal Paging' },
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
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Query (JSON)', name: 'query', type: 'string', default: '{}' },
			{ displayName: 'Headers (JSON)', name: 'headers', type: 'string', default: '{}' },
			{
				displayName: 'End Condition',
				name: 'end',
				type: 'options',
				options: [
					{ name: 'Empty Page (PlugChat)', value: 'emptyPage' },
					{ name: 'Last Page (Digisac)', value: 'lastPage' },
					{ name: 'Next Page (TomTicket)', value: 'nextPage' },
				],
				default: 'emptyPage',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentialType = this.getNodeParameter('credentialType', 0) as string;
		const url = this.getNodeParameter('url', 0) as string;
		const query = JSON.parse(this.getNodeParameter('query', 0) as string) as IDataObject;
		const headers = JSON.parse(this.getNodeParameter('headers', 0) as string) as IDataObject;
		const end = this.getNodeParameter('end', 0) as string;
		const output: INodeExecutionData[] = [];
		for (let page = 1; ; page++) {
			const body = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
				method: 'GET',
				url,
				qs: { ...query, page },
				headers: { ...headers },
				json: true,
			})) as IDataObject[] | IDataObject;
			const records = (Array.isArray(body) ? body : (body.data as IDataObject[])) ?? [];
			for (const json of records) output.push({ json, pairedItem: { item: 0 } });
			const more =
				end === 'emptyPage'
					? records.length > 0
					: end === 'lastPage'
						? (body as IDataObject).currentPage! < (body as IDataObject).lastPage!
						: (body as IDataObject).next_page !== null &&
							page < Number((body as IDataObject).pages);
			if (!more || records.length === 0) return [output];
		}
	}
}
