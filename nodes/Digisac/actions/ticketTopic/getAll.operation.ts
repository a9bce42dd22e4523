import { simpleGetAll } from '../../helpers/list';

export const { description, execute } = simpleGetAll('ticketTopic', '/api/v1/ticket-topics');
