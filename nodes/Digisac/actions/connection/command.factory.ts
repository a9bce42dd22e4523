import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { connectionSelect } from '../common.description';

type ConnectionCommand = 'start' | 'restart' | 'shutdown' | 'logout';

const what: Record<ConnectionCommand, string> = {
	start: 'The connection (conexão) to start',
	restart: 'The connection (conexão) to restart',
	shutdown: 'The connection (conexão) to shut down',
	logout: 'The connection (conexão) to log out, so a new QR code can be read',
};

/** Start, Restart, Shutdown and Logout are the same POST to /services/{id}/{command}. */
export function connectionCommand(command: ConnectionCommand) {
	const properties: INodeProperties[] = [connectionSelect(what[command])];
	return {
		properties,
		async execute(this: IExecuteFunctions, i: number) {
			const serviceId = requireString(this, 'serviceId', i);
			// Answers are undocumented (the vendor's examples have no body): pass on whatever comes back.
			const response = await apiRequest<unknown>(
				this,
				'POST',
				`/api/v1/services/${pathSegment(this, serviceId, 'serviceId', i)}/${command}`,
				{ itemIndex: i },
			);
			return [{ json: actionResult(response, { serviceId, command }) }];
		},
	};
}
