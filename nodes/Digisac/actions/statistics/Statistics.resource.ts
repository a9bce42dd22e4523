export * as getAttendance from './getAttendance.operation';
export * as getRealtime from './getRealtime.operation';
