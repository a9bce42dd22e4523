import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';

export const option = {
	name: 'Get Realtime',
	value: 'getRealtime',
	action: 'Get real time statistics',
	description: 'The "Now" (Agora) dashboard: agents and queues right now',
};

const paths = {
	resume: '/api/v1/now/resume',
	attendanceResume: '/api/v1/now/attendance-resume',
	departmentsResume: '/api/v1/now/departments-resume',
} as const;

export const properties: INodeProperties[] = [
	{
		displayName: 'Summary',
		name: 'summary',
		type: 'options',
		options: [
			{
				name: 'Agents',
				value: 'attendanceResume',
				description: 'What each agent (atendente) is doing now',
			},
			{
				name: 'Departments',
				value: 'departmentsResume',
				description: 'Open and waiting tickets per department now',
			},
			{ name: 'Everything', value: 'resume', description: 'The whole "Now" (Agora) dashboard' },
		],
		default: 'resume',
		description: 'Which part of the real-time "Now" (Agora) dashboard to get',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const summary = this.getNodeParameter('summary', i, 'resume') as keyof typeof paths;
	const path = paths[summary] ?? paths.resume;
	const data = await apiRequest<unknown>(this, 'GET', path, { itemIndex: i });
	if (Array.isArray(data)) return data.map((json) => ({ json: json as IDataObject }));
	return [{ json: (data ?? {}) as IDataObject }];
}
