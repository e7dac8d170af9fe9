import type { Command } from 'commander';

/** One entry per command file; each adds its sub-command to the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [];
