export * as getAccessToken from './getAccessToken.operation';
