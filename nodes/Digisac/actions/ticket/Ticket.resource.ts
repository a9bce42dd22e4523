export * as transfer from './transfer.operation';
export * as close from './close.operation';
export * as get from './get.operation';
export * as getAll from './getAll.operation';
export * as exportPdf from './exportPdf.operation';
export * as exportTxt from './exportTxt.operation';
export * as exportCsv from './exportCsv.operation';
