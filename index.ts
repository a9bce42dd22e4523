// Every node and credential class, for test/package.test.ts. Not built or published: n8n loads
// only the files listed in package.json's `n8n` section, so the package has no `main`.
export { DigisacApi } from './credentials/DigisacApi.credentials';
export { PlugChatApi } from './credentials/PlugChatApi.credentials';
export { TomTicketApi } from './credentials/TomTicketApi.credentials';
export { Digisac } from './nodes/Digisac/Digisac.node';
export { DigisacTrigger } from './nodes/Digisac/DigisacTrigger.node';
export { PlugChat } from './nodes/PlugChat/PlugChat.node';
export { PlugChatTrigger } from './nodes/PlugChat/PlugChatTrigger.node';
export { TomTicket } from './nodes/TomTicket/TomTicket.node';
export { TomTicketTrigger } from './nodes/TomTicket/TomTicketTrigger.node';
