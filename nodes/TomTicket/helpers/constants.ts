import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Ticket situations (situação) as documented
 * (https://tomticket.tomticket.com/kb/chamados-api/consultar-chamados). Codes 8 and 9 carry the same label in TomTicket's docs, so the code is part of every name to tell them apart.
 */
export const SITUATION_OPTIONS: INodePropertyOptions[] = [
	{
		name: '0 - Waiting for Operator Interaction',
		value: 0,
		description: 'Aguardando interação do atendente',
	},
	{ name: '1 - Not Started', value: 1, description: 'Não iniciado' },
	{
		name: '2 - Answered, Waiting for Customer',
		value: 2,
		description: 'Respondido, aguardando cliente',
	},
	{
		name: '3 - Answered by Customer, Waiting',
		value: 3,
		description: 'Respondido pelo cliente, aguardando',
	},
	{ name: '4 - Cancelled', value: 4, description: 'Cancelado' },
	{ name: '5 - Finished', value: 5, description: 'Finalizado' },
	{ name: '6 - Operator Changed', value: 6, description: 'Atendente alterado' },
	{ name: '7 - Sent to Support Team', value: 7, description: 'Enviado para equipe de suporte' },
	{
		name: '8 - Waiting for Manager Evaluation',
		value: 8,
		description: 'Aguardando avaliação do gestor (code 8)',
	},
	{
		name: '9 - Waiting for Manager Evaluation (Code 9)',
		value: 9,
		description: 'Aguardando avaliação do gestor (code 9)',
	},
];

export const PRIORITY_OPTIONS: INodePropertyOptions[] = [
	{ name: '1 - Low', value: 1, description: 'Baixa' },
	{ name: '2 - Normal', value: 2, description: 'Normal' },
	{ name: '3 - High', value: 3, description: 'Alta' },
	{ name: '4 - Urgent', value: 4, description: 'Urgente' },
];

export const CUSTOMER_ID_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'E-Mail', value: 'E', description: "The customer ID is the customer's e-mail address" },
	{
		name: 'Internal ID',
		value: 'I',
		description: 'The customer ID is your own key for the customer (e.g. CPF/CNPJ)',
	},
];

/** reply, customer reply and comment texts: "String 512" in TomTicket's API pages
 * (https://tomticket.tomticket.com/kb). */
export const MAX_SHORT_TEXT = 512;
/** "At most 25 files", as third-party TomTicket clients report from production use. */
export const MAX_ATTACHMENTS = 25;
/**
 * "25 MB per request, message and all files together" (TomTicket's API pages). Counted as MiB, the unit nginx and
 * PHP mean by "25M".
 */
export const MAX_REQUEST_BYTES = 25 * 1024 * 1024;
/**
 * `last_update_ge` may reach at most 90 days back, as third-party clients apply it (e.g.
 * github.com/CarlosDDM/tomticket-api).
 */
export const LAST_UPDATE_MAX_DAYS = 90;
