import { simpleGetAll } from '../../helpers/list';

export const { description, execute } = simpleGetAll('customField', '/api/v1/custom-fields');
