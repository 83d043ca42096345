// The only door into the simulator for the site, the lessons and scenario tests (DESIGN.md:
// "Public API"). Everything behind it is plain TypeScript with no React, DOM or wall clock.
export { createSession, DEFAULT_COLS, DEFAULT_ROWS } from './session';
export type { Session, SessionOptions, RunOptions, StartOptions, PromptParts } from './session';
export type { ShellProcess, Step } from './shell/process';
export type { Completion } from './shell/completion';
export type { World } from './world';
export { SnapshotError } from './snapshot';
export { scenarioIds, DEFAULT_SCENARIO } from './scenarios';
export { stripAnsi } from './core/output/ansi';
/** A number that moves whenever a world table changes (for React selectors over a list of containers, later pods). */
export { version as tableVersion } from './core/store';
export type { RecordedCommand, CommandRecord } from './core/record';
export { createTerminalDriver as createTerminal, createClock } from './terminal/driver';
export type { ClockOwner, ClockState } from './core/clock-owner';
export type { TerminalDriver, TerminalIO, Timers, DriverOptions } from './terminal/driver';
export { evaluate } from './checks/evaluate';
export type { CheckResult } from './checks/evaluate';
export type { Check, Exercise, Predicate, QuizAnswer, QuizCheck, StateCheck } from './checks/types';
export { allContainers, dockerCall, dockerRan, learnerCommands, repositoryOf, runningContainers, served } from './checks/facts';
export type { ContainerQuery, DockerCall } from './checks/facts';
