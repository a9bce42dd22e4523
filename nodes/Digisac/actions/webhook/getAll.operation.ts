import { simpleGetAll } from '../../helpers/list';

export const { description, execute } = simpleGetAll('webhook', '/api/v1/me/webhooks');
