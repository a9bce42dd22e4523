import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { resolveTicketId } from '../../helpers/lookups';
import { attachmentParts, postForm, requireText } from '../../helpers/write';
import { attachmentsOption, ticketLocator } from '../common.description';

interface TextWrite {
	path: string;
	/** Parameter and API field name ("message", "comment"). */
	field: 'message' | 'comment';
	displayName: string;
	description: string;
	maxLength?: number;
}

/** A ticket write made of one text and optional attachments: reply as customer, comment, finish. */
export function textWriteOperation(spec: TextWrite): {
	properties: INodeProperties[];
	execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]>;
} {
	const properties: INodeProperties[] = [
		ticketLocator,
		{
			displayName: spec.displayName,
			name: spec.field,
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: spec.description,
		},
		optionsCollection([attachmentsOption]),
	];
	return {
		properties,
		async execute(this: IExecuteFunctions, i: number) {
			const ticketId = await resolveTicketId(this, i);
			const text = requireText(this, spec.field, i, spec.maxLength);
			const options = this.getNodeParameter('options', i, {}) as IDataObject;
			const files = await attachmentParts(
				this,
				i,
				options.binaryPropertyName as string | undefined,
			);
			const answer = await postForm(
				this,
				spec.path,
				{ ticket_id: ticketId, [spec.field]: text },
				files,
				i,
			);
			return [{ json: { ...answer, ticket_id: ticketId } }];
		},
	};
}
