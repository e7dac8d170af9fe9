import type { Command } from 'commander';
import type { CommandIo } from '../io';
import { registerDiagnose } from './diagnose';
import { registerCompare } from './compare';
import { registerConfig } from './config';
import { registerSnapshot } from './snapshot';
import { registerRepair } from './repair';
import { registerCapture } from './capture';
import { registerOrg } from './org';

/** One entry per command file; each adds its sub-command to the program, reading and writing through `io`. */
export type RegisterCommand = (program: Command, io: CommandIo) => void;

export const commands: RegisterCommand[] = [
  registerDiagnose,
  registerCompare,
  registerConfig,
  registerSnapshot,
  registerRepair,
  registerCapture,
  registerOrg,
];
