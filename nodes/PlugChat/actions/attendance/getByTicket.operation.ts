import type { IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { messagesFromMap, normalizeAttendance, transcriptOf } from '../../helpers/normalize';
import { quoted } from '../../helpers/text';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Get by Ticket',
	value: 'getByTicket',
	action: 'Get an attendance by ticket',
	description: 'Get an attendance, its messages and a transcript by its attendance number',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Attendance Number (Ticket)',
		name: 'ticket',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1473',
		description:
			"The number of the attendance (número do atendimento), which PlugChat calls its ticket, e.g. 1473 (a leading # is fine): the attendanceNumber of the trigger's attendance events",
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const ticket = requireString(this, 'ticket', i).replace(/^#/, '');
	if (!/^\d{1,15}$/.test(ticket)) {
		throw new NodeOperationError(this.getNode(), `${quoted(ticket)} is not an attendance number`, {
			itemIndex: i,
			description: 'The ticket is the attendance number, digits only (e.g. 1473).',
		});
	}
	// Since 2023 the number goes in a `Ticket` header; the older `ticket` query is sent as well.
	const answer = await apiRequest<unknown>(
		this,
		'GET',
		'/api/integrations/get-attendence-by-task',
		{
			headers: { Ticket: ticket },
			qs: { ticket },
			itemIndex: i,
		},
	);
	const data = isObject(answer) ? answer : {};
	const attendanceMap = data.attendanceData;
	const attendances = Array.isArray(attendanceMap)
		? attendanceMap
		: isObject(attendanceMap)
			? Object.entries(attendanceMap).map(([id, attendance]) =>
					isObject(attendance) ? { id, ...attendance } : attendance,
				)
			: [];
	const found = attendances.filter(isObject);
	if (found.length === 0) {
		const message = `PlugChat returned no attendance for ticket ${ticket}`;
		throw new NodeApiError(this.getNode(), { message } as JsonObject, {
			message,
			description:
				'Check the attendance number. PlugChat answers 500 for a number it does not know.',
			itemIndex: i,
		});
	}
	const timeZone = this.getTimezone();
	const messages = messagesFromMap(data.chat, timeZone);
	const transcript = transcriptOf(messages);
	return found.map((attendance) => ({
		json: { ...normalizeAttendance(attendance, timeZone), messages, transcript },
	}));
}
