import { simpleGetAll } from '../../helpers/list';

export const { description, execute } = simpleGetAll('integration', '/api/v1/integrations');
