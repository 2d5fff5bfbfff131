#!/usr/bin/env node
import { runProgram } from './program.js';
import { MODELS_AVAILABLE } from './simulate/models.js';

process.exitCode = await runProgram(MODELS_AVAILABLE, process.argv.slice(2));
