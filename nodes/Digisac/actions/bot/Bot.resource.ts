export * as getAll from './getAll.operation';
export * as triggerSignal from './triggerSignal.operation';
