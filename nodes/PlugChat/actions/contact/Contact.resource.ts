export * as getAll from './getAll.operation';
export * as get from './get.operation';
export * as checkWhatsApp from './checkWhatsApp.operation';
export * as getProfilePicture from './getProfilePicture.operation';
