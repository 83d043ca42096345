// Every exercise, by id. Ids are public: instructors link to them, and a test fails if one goes.
import type { Exercise } from '@/simulators';
import { firstContainer } from './first-container';
import { runNginx } from './run-nginx';
import { oneImageManyContainers } from './one-image-many-containers';
import { buildMyapp } from './build-myapp';
import { layerCache } from './layer-cache';
import { pushToRegistry } from './push-to-registry';

export const exercises: readonly Exercise[] = [firstContainer, runNginx, oneImageManyContainers, buildMyapp, layerCache, pushToRegistry];

export const exerciseById = (id: string): Exercise | undefined => exercises.find((e) => e.id === id);
