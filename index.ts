// Programmatic entry point: the node and credential classes. n8n itself does not read this file;
// it loads the files listed in package.json's `n8n` section.
export { DigisacApi } from './credentials/DigisacApi.credentials';
export { PlugChatApi } from './credentials/PlugChatApi.credentials';
export { TomTicketApi } from './credentials/TomTicketApi.credentials';
export { Digisac } from './nodes/Digisac/Digisac.node';
export { DigisacTrigger } from './nodes/Digisac/DigisacTrigger.node';
export { PlugChat } from './nodes/PlugChat/PlugChat.node';
export { PlugChatTrigger } from './nodes/PlugChat/PlugChatTrigger.node';
export { TomTicket } from './nodes/TomTicket/TomTicket.node';
export { TomTicketTrigger } from './nodes/TomTicket/TomTicketTrigger.node';
